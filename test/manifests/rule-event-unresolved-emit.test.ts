import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { eventNotEmitted } from '../../manifests/src/rules/event-not-emitted.js';
import { eventNotListened } from '../../manifests/src/rules/event-not-listened.js';
import { FIXTURES } from './ts-fixture.js';

const factsOf = (file: string) => indexFacts(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rule-event-unresolved-emit', file), 'utf8')) as Fact[]);
const run = (file: string) => eventNotEmitted.check({ facts: factsOf(file) });

describe('event-not-emitted next to emits whose name is not known statically', () => {
  it('is a warning naming the unresolved emit sites when one of them could send the name', () => {
    const out = run('facts.json');
    expect(out.map((f) => `${f.severity} ${f.line} ${f.data?.name as string}`)).toEqual(['warning 2 agent:job:done', 'warning 3 settings:changed']);
    // agent:job:done: the sidecar's `job:${kind}` under the re-emit prefix, and the Rust emit of a variable.
    expect(out[0]!.data?.unresolvedEmits).toEqual(['src-sidecar/src/jobs.ts:12', 'src-tauri/src/bus.rs:30']);
    expect(out[0]!.message).toContain('src-sidecar/src/jobs.ts:12, src-tauri/src/bus.rs:30');
    // settings:changed does not start with job:, so only the emit of a variable could send it.
    expect(out[1]!.data?.unresolvedEmits).toEqual(['src-tauri/src/bus.rs:30']);
  });

  it('stays an error when every unresolved emit has a known prefix the name does not start with', () => {
    const out = run('facts-prefixed.json');
    expect(out.map((f) => `${f.severity} ${f.line} ${f.data?.name as string}`)).toEqual(['warning 1 job:done', 'warning 2 output:42', 'error 3 settings:changed']);
    // With no sidecar events to re-emit, a formatted Rust emit (`format!("output:{}", id)`) can send any name under its prefix.
    expect(out[1]!.data?.unresolvedEmits).toEqual(['src-tauri/src/run.rs:9']);
  });

  it('the other way round, event-not-listened names the listens whose name is not known statically that could receive the event', () => {
    const out = eventNotListened.check({ facts: factsOf('facts-listens.json') });
    expect(out.map((f) => `${f.severity} ${f.data?.name as string} ${JSON.stringify(f.data?.unresolvedListens)}`)).toEqual([
      'warning model_writes ["src/platform.ts:20"]',
      'warning stream_42 ["src/platform.ts:20","src/stream.ts:9"]',
    ]);
    expect(out[0]!.message).toBe("event 'model_writes' is emitted but no resolved listen receives it; a listen whose name is not known statically could (src/platform.ts:20)");
  });
});
