import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { loadScenario } from '../../harness/src/scenario/load.js';
import { FAST, FIX, loaded, socketTarget, stdioTarget } from './support.js';

/** The fixture's status answers a random nonce and random tags when noisy: nothing the new path can be held to. */
const config = () => loaded({ old: stdioTarget('noisy'), new: socketTarget('noisy'), timeouts: FAST, compare: { ignore: [{ path: 'result.pid', command: 'status' }] } });

describe('noise learning (record --runs 2)', () => {
  it('marks every field that differs between two recordings, and replay does not flag them', async () => {
    const ctx = createContext(config());
    const s = await loadScenario(path.join(FIX, 'scenario/noisy.yaml'));
    const { trace, findings } = await recordScenario(ctx, s, { runs: 2 });
    expect(findings).toEqual([]);
    expect(trace.header.runs).toBe(2);
    expect(trace.header.noise).toEqual([
      { scope: 'response:status', path: 'result.nonce' },
      { scope: 'response:status', path: 'result.tags[*].n' },
    ]);
    expect((await replayTrace(ctx, trace)).findings).toEqual([]);
  });

  it('with one recording the same fields are differences', async () => {
    const ctx = createContext(config());
    const s = await loadScenario(path.join(FIX, 'scenario/noisy.yaml'));
    const { trace } = await recordScenario(ctx, s);
    expect(trace.header.noise).toEqual([]);
    const { findings } = await replayTrace(ctx, trace);
    expect(findings.map((f) => [f.id, f.data?.path])).toEqual([
      ['replay-changed-value', 'result.nonce'],
      ['replay-changed-value', 'result.tags[0].n'],
    ]);
  });
});
