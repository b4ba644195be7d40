import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { buildManifests } from '../../manifests/src/build/manifest.js';
import type { Fact, ListenFact } from '../../manifests/src/model.js';
import { eventNotEmitted } from '../../manifests/src/rules/event-not-emitted.js';
import { eventNotListened } from '../../manifests/src/rules/event-not-listened.js';
import { expectedTs, extractTsFixture, factsOf } from './ts-fixture.js';

describe("Node's own event traffic is not a frontend event", () => {
  it('with the plain `emit` name: process, servers, sockets (typed or from a callback), streams, child processes, EventEmitter buses and their subclasses are internal; the app\'s own emitter is an event', async () => {
    const out = await extractTsFixture('ts-emit-node-internal');
    const emits = factsOf(out, 'emit').map((e) => `${e.name}@${e.loc.line}${e.internal ? ' internal' : ''}`);
    expect(emits).toEqual([
      'job:done@16 internal',
      'stream:chunk@21',
      'greeting@24 internal',
      'accepted@26 internal',
      'listening@27 internal',
      'warning@28 internal',
      'bus:tick@31 internal',
      'end@35 internal',
      'exit@37 internal',
    ]);
    expect(factsOf(out, 'emit').find((e) => e.name === 'listening')?.internal).toBe("an object from 'net'");
    expect(factsOf(out, 'emit').find((e) => e.name === 'job:done')?.internal).toBe("JobBus, which extends an emitter from 'node:events'");
    // The socket event whose name is a parameter is internal traffic: no unresolved-name for it.
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-emit-node-internal'));
  });

  it('internal emits are neither events.json entries nor unlistened events; a listen only they would satisfy is a warning that names them', async () => {
    const facts: Fact[] = Object.values(await extractTsFixture('ts-emit-node-internal')).flatMap((r) => r.facts);
    const listen = (name: string, line: number): ListenFact => ({ kind: 'listen', name, side: 'frontend', loc: { file: 'src/app.ts', line } });
    const ix = indexFacts([...facts, listen('stream:chunk', 1), listen('bus:tick', 2), listen('never', 3)]);
    expect(buildManifests(ix, { locations: false }).events.events.map((e) => e.name)).toEqual(['bus:tick', 'never', 'stream:chunk']);
    expect(buildManifests(ix, { locations: false }).events.events.find((e) => e.name === 'bus:tick')?.producers).toEqual([]);
    expect(eventNotListened.check({ facts: ix })).toEqual([]);
    const findings = eventNotEmitted.check({ facts: ix });
    expect(findings.map((f) => `${f.severity} ${f.data?.name as string}`)).toEqual(['warning bus:tick', 'error never']);
    expect(findings[0]!.message).toContain("only emitted inside the sidecar process, on an object from 'node:events' (src/server.ts:31)");
  });
});

describe('configuring the app\'s own emitter (`eventEmitter.emit`) is enough', () => {
  it('follows its wrapper methods that call this.emit, and wrappers of wrappers; other emitters stay out', async () => {
    const out = await extractTsFixture('ts-emit-wrapper-methods');
    expect(factsOf(out, 'emit').map((e) => `${e.name}@${e.loc.file}:${e.loc.line}`)).toEqual([
      'stream:chunk@src/event-emitter.ts:6',
      'stream:done@src/event-emitter.ts:10',
      'stream:start@src/runner.ts:5',
      'permission:request@src/runner.ts:8',
      'session:updated@src/runner.ts:9',
    ]);
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-emit-wrapper-methods'));
  });
});
