import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarnessCompare } from '../../core/src/config/types.generated.js';
import { compareExchanges } from '../../harness/src/compare/compare.js';
import { Normalizer } from '../../harness/src/compare/normalize.js';
import { coworkNdjson } from '../../harness/src/profiles/cowork-ndjson.js';
import { harnessSettings } from '../../harness/src/settings.js';
import type { BodyLine, NoiseRule } from '../../harness/src/trace/types.js';
import { FIX, loaded } from './support.js';

const DIR = path.join(FIX, 'compare');

interface Case {
  description: string;
  compare?: HarnessCompare;
  noise?: NoiseRule[];
  expected: BodyLine[];
  actual: BodyLine[];
  differences: Record<string, unknown>[];
}

const cases = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('compare', () => {
  it.each(cases)('%s', async (file) => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Case;
    const settings = harnessSettings(loaded({ compare: c.compare ?? {} }));
    const diffs = await compareExchanges(c.expected, c.actual, { profile: coworkNdjson, compare: settings.compare, noise: c.noise ?? [] });
    expect(diffs.length, `${c.description}\n${JSON.stringify(diffs, null, 2)}`).toBe(c.differences.length);
    c.differences.forEach((want, i) => expect(diffs[i]).toMatchObject(want));
  });

  it('shows a changed message as a readable unified diff', async () => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, 'changed-value.json'), 'utf8')) as Case;
    const settings = harnessSettings(loaded({}));
    const [d] = await compareExchanges(c.expected, c.actual, { profile: coworkNdjson, compare: settings.compare, noise: [] });
    expect(d!.diff).toContain('-    "title": "A"');
    expect(d!.diff).toContain('+    "title": "B"');
  });
});

describe('normalization', () => {
  const settings = harnessSettings(loaded({ compare: { ids: ['/job-\\d+/'] } }));
  const n = () => new Normalizer({ compare: settings.compare, profile: coworkNdjson, noise: [], dataDirs: ['/tmp/cutover-data-abc'] });

  it('gives the same value the same placeholder everywhere, named after where it first appeared', () => {
    const norm = n();
    const a = norm.normalize({ result: { id: 's-1', owner: 'x' } }, { kind: 'response', name: 'create' });
    const b = norm.normalize({ data: { sessionId: 's-1', other: 's-2' }, sessionId: 's-2' }, { kind: 'event', name: 'chunk' });
    expect(a).toEqual({ result: { id: '<create:result.id#1>', owner: 'x' } });
    expect(b).toEqual({ data: { sessionId: '<create:result.id#1>', other: 's-2' }, sessionId: '<chunk:sessionId#1>' });
  });

  it('detects times, epoch millis, UUIDs, configured id patterns, generated paths and id-keyed maps', () => {
    const uuid = '3f1e0a52-9a4b-4c1d-8e2f-0a1b2c3d4e5f';
    const v = n().normalize(
      {
        at: '2026-11-21T22:11:57.949Z',
        ms: 1795299117949,
        small: 42,
        note: `turn t-${uuid} of job-17`,
        sock: '/tmp/cutover-data-abc/cowork.sock',
        log: path.join(os.tmpdir(), 'cutover-run-xyz', 'daemon.log'),
        byId: { [`s-${uuid}`]: 1 },
      },
      { kind: 'response', name: 'x' },
    );
    expect(v).toEqual({
      at: '<time>',
      ms: '<epoch-ms>',
      small: 42,
      // Keys are walked in sorted order: byId comes first and names the UUID.
      note: 'turn t-<x:byId#1> of <x:note#1>',
      sock: '<dataDir>/cowork.sock',
      log: '<tmp#1>/daemon.log',
      byId: { 's-<x:byId#1>': 1 },
    });
  });
});
