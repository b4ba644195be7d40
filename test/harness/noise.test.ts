import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { loadScenario } from '../../harness/src/scenario/load.js';
import { compareExchanges } from '../../harness/src/compare/compare.js';
import { learnNoise } from '../../harness/src/compare/noise.js';
import { coworkNdjson } from '../../harness/src/profiles/cowork-ndjson.js';
import { harnessSettings } from '../../harness/src/settings.js';
import type { BodyLine } from '../../harness/src/trace/types.js';
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
    // As narrow as it varied: those values of status answers (the keys still compared), and of the
    // text only the number; nothing of echo, whose answer did not vary.
    expect(trace.header.noise).toEqual([
      { scope: 'response:status', path: 'result.nonce', vary: 'value' },
      { scope: 'response:status', path: 'result.tags[*].n', vary: 'value' },
      { scope: 'response:status', path: 'result.took', vary: 'text', prefix: 'took ', suffix: ' ms' },
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
      ['replay-changed-value', 'result.took'],
    ]);
  });
});

describe('learnt noise, applied', () => {
  const settings = harnessSettings(loaded({}));
  const exchange = (took: string, nonce: number, extra: Record<string, unknown> = {}): BodyLine[] => [
    { type: 'request', conn: 'main', id: '1', command: 'status' },
    { type: 'response', conn: 'main', message: { id: '1', success: true, result: { took, nonce, ...extra } } },
    { type: 'request', conn: 'main', id: '2', command: 'other' },
    { type: 'response', conn: 'main', message: { id: '2', success: true, result: { took, nonce } } },
  ];
  const noise = learnNoise([
    { kind: 'changed-value', scope: 'response:status', subject: 's', path: 'result.took', expected: 'took 12 ms', actual: 'took 7 ms' },
    { kind: 'changed-value', scope: 'response:status', subject: 's', path: 'result.nonce', expected: 1, actual: 2 },
    { kind: 'extra', scope: 'response:status', subject: 's', path: 'result.warmup', actual: true },
  ]).noise;
  const cmp = (a: BodyLine[], b: BodyLine[]) => compareExchanges(a, b, { profile: coworkNdjson, compare: settings.compare, noise });

  it('masks only the varying part of a text and only that command, and keeps the key of a masked value', async () => {
    expect(noise).toEqual([
      { scope: 'response:status', path: 'result.nonce', vary: 'value' },
      { scope: 'response:status', path: 'result.took', vary: 'text', prefix: 'took ', suffix: ' ms' },
      { scope: 'response:status', path: 'result.warmup', vary: 'field' },
    ]);
    expect(await cmp(exchange('took 12 ms', 1), exchange('took 3081 ms', 9, { warmup: true }))).toEqual([
      // The same fields of another command are not noise.
      expect.objectContaining({ kind: 'changed-value', subject: 'response to other (request "2", main)', path: 'result.nonce' }),
      expect.objectContaining({ kind: 'changed-value', subject: 'response to other (request "2", main)', path: 'result.took' }),
    ]);
    const diffs = await cmp(exchange('took 12 ms', 1), [...exchange('slept 12 ms', 1).slice(0, 2), ...exchange('took 12 ms', 1).slice(2)]);
    expect(diffs).toEqual([expect.objectContaining({ kind: 'changed-value', path: 'result.took', expected: 'took <noise> ms', actual: 'slept 12 ms' })]);
    const gone = await cmp(exchange('took 1 ms', 1), [{ type: 'request', conn: 'main', id: '1', command: 'status' }, { type: 'response', conn: 'main', message: { id: '1', success: true, result: { took: 'took 1 ms' } } }, ...exchange('took 1 ms', 1).slice(2)]);
    expect(gone).toEqual([expect.objectContaining({ kind: 'missing', path: 'result.nonce' })]);
  });
});
