import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { buildManifests } from '../../manifests/src/build/manifest.js';
import { eventNotEmitted } from '../../manifests/src/rules/event-not-emitted.js';
import { eventNotListened } from '../../manifests/src/rules/event-not-listened.js';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe("the frontend's own emit", () => {
  it('emit and emitTo of the event module, of a webview window and of the v1 appWindow are producers; a helper passing its name on is followed; another emitter is not Tauri', async () => {
    const out = await extractTsFixture('ts-frontend-emit');
    expect(names(out, 'emit')).toEqual(['reload_plugin_list@9', 'config:changed@10', 'window:focused@11', 'window:legacy@12', 'settings:open@13', 'session:switched@22']);
    expect(factsOf(out, 'emit').every((f) => f.side === 'frontend')).toBe(true);
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-frontend-emit'));
  });

  it('so a listen of an event only the frontend emits is not event-not-emitted, and the event has the frontend as producer in events.json', async () => {
    const facts = Object.values(await extractTsFixture('ts-frontend-emit')).flatMap((r) => r.facts);
    const ix = indexFacts(facts);
    expect(eventNotEmitted.check({ facts: ix }).map((f) => `${f.severity} ${f.data?.name as string}`)).toEqual(['error never:sent']);
    // Nothing else is known to listen to the frontend's own events (Rust may): no warning for them.
    expect(eventNotListened.check({ facts: ix })).toEqual([]);
    const entry = buildManifests(facts, { locations: true }).events.events.find((e) => e.name === 'reload_plugin_list');
    expect(entry?.producers).toEqual([{ side: 'frontend', kind: 'emit', file: 'src/events.ts', line: 9 }]);
    expect(entry?.consumers).toEqual([{ side: 'frontend', kind: 'listen', file: 'src/events.ts', line: 23 }]);
    expect(entry?.payload).toBeUndefined();
  });
});
