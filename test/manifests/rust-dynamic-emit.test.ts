import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { eventNotEmitted } from '../../manifests/src/rules/event-not-emitted.js';
import { unresolvedName } from '../../manifests/src/rules/unresolved-name.js';
import { expectedOutput, extractFixture } from './rust-fixture.js';

const listen = (name: string, line: number): Fact => ({ kind: 'listen', name, side: 'frontend', loc: { file: 'src/app.ts', line } });

describe('Rust emits of a name known only at run time', () => {
  it('are unresolved emits with their literal prefix when the sidecar emits nothing to re-emit, followed through a let', async () => {
    const out = await extractFixture('rust-dynamic-emit');
    expect(out).toEqual(expectedOutput('rust-dynamic-emit'));
    const rust = Object.values(out).flatMap((r) => r.facts);
    const facts = indexFacts([...rust, listen('agent-output:42', 3), listen('stream_9', 4), listen('run-done', 5)]);
    expect(facts.reemits).toEqual([]);
    expect(facts.unresolved.map((u) => [u.loc.line, u.prefix, u.expression])).toEqual([
      [5, 'agent-output:', 'format!("agent-output:{}", run_id)'],
      [13, 'stream_', 'event = format!("stream_{stream_id}")'],
    ]);
    // Reported, never silent; a listen they could satisfy is a warning naming them, any other stays an error.
    expect(unresolvedName.check({ facts }).map((f) => `${f.line} ${f.message}`)).toEqual([
      '5 cannot tell the event this emit sends statically: only the start of the name is literal ("agent-output:"); the rest is known at run time, and the sidecar emits no event this could re-emit',
      '13 cannot tell the event this emit sends statically: only the start of the name is literal ("stream_"); the rest is known at run time, and the sidecar emits no event this could re-emit',
    ]);
    expect(eventNotEmitted.check({ facts }).map((f) => `${f.severity} ${f.line} ${JSON.stringify(f.data?.unresolvedEmits ?? null)}`)).toEqual([
      'warning 3 ["src/run.rs:5"]',
      'warning 4 ["src/run.rs:13"]',
      'error 5 null',
    ]);
  });

  it('re-emit the sidecar’s events under the prefix when the sidecar emits some', async () => {
    const rust = Object.values(await extractFixture('rust-dynamic-emit')).flatMap((r) => r.facts);
    const sidecar: Fact = { kind: 'emit', name: 'chunk', side: 'sidecar', loc: { file: 'src-sidecar/src/run.ts', line: 7 } };
    const facts = indexFacts([...rust, sidecar, listen('agent-output:chunk', 3)]);
    expect(facts.reemits.map((r) => r.prefix)).toEqual(['agent-output:', 'stream_']);
    expect(facts.unresolved).toEqual([]);
    expect(eventNotEmitted.check({ facts })).toEqual([]);
  });
});
