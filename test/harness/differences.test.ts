// Differences as a person would report them: one real difference stays one difference where it
// is, a refused client is one diagnosis, ids inside text are ids, a key named __proto__ is data,
// and however broken an exchange, the report stays bounded.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../core/src/redact.js';
import { compareExchanges } from '../../harness/src/compare/compare.js';
import { createContext } from '../../harness/src/context.js';
import { coworkNdjson } from '../../harness/src/profiles/cowork-ndjson.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { MAX_DIFF_CHARS, MAX_LINE } from '../../harness/src/report/bound-diff.js';
import { differenceFindings } from '../../harness/src/report/to-findings.js';
import { createBuilder } from '../../harness/src/scenario/builder.js';
import { harnessSettings } from '../../harness/src/settings.js';
import { serializeTrace } from '../../harness/src/trace/write.js';
import { parseTrace } from '../../harness/src/trace/read.js';
import type { BodyLine } from '../../harness/src/trace/types.js';
import { FAST, loaded, socketTarget, stdioTarget } from './support.js';

const compare = harnessSettings(loaded({})).compare;
const cmp = (e: BodyLine[], a: BodyLine[], extra = {}) => compareExchanges(e, a, { profile: coworkNdjson, compare, noise: [], ...extra });

/** Requests 1..n of a command, each answered with `result(i)`. */
function exchange(n: number, result: (i: number) => unknown, command = 'paths', first = 1): BodyLine[] {
  const out: BodyLine[] = [];
  for (let i = first; i < first + n; i++) {
    out.push({ type: 'request', conn: 'main', id: String(i), command });
    out.push({ type: 'response', conn: 'main', message: { id: String(i), success: true, result: result(i) } });
  }
  return out;
}

// The harness renames paths under the temp folder of this run (tests run with one of their own).
const TMP = os.tmpdir();

describe('a real path difference stays where it is', () => {
  it('twenty temp paths, one of them elsewhere on the new path: one difference, the other nineteen equal', async () => {
    const golden = exchange(20, (i) => ({ file: `${TMP}/app-1111-${i}.sock` }));
    const actual = exchange(20, (i) => ({ file: i === 3 ? '/var/lib/app/3.sock' : `${TMP}/app-2222-${i}.sock` }));
    const diffs = await cmp(golden, actual);
    expect(diffs).toEqual([expect.objectContaining({ kind: 'changed-value', subject: 'response to paths (request "3", main)', path: 'result.file', expected: '<tmp#3>', actual: '/var/lib/app/3.sock' })]);
  });

  it('placeholders are per value on each side: the same value twice is the same, a new one shows as the new path\'s', async () => {
    const golden = exchange(3, (i) => ({ a: `${TMP}/x-1/f`, b: i === 2 ? `${TMP}/x-1/g` : `${TMP}/x-9/g` }));
    const actual = exchange(3, (i) => ({ a: `${TMP}/y-1/f`, b: i === 2 ? `${TMP}/y-7/g` : `${TMP}/y-9/g` }));
    const diffs = await cmp(golden, actual);
    expect(diffs).toEqual([expect.objectContaining({ kind: 'changed-value', path: 'result.b', expected: '<tmp#1>/g', actual: '<new tmp#3>/g' })]);
  });

  it('end to end on a fixture: twenty answers with temp paths, one outside the temp folder: exactly one finding', async () => {
    const ctx = createContext(loaded({ old: stdioTarget(), new: socketTarget('path-bug', { env: { FIXTURE_MODE: 'path-bug' } }), timeouts: FAST }));
    const { builder, steps } = createBuilder();
    for (const name of 'abcdefghijklmnopqrst') builder.send('paths', { name });
    const { trace } = await recordScenario(ctx, { name: 'paths', steps });
    const { findings } = await replayTrace(ctx, trace);
    expect(findings.map((f) => f.message)).toEqual(['response to paths (request "3", main): changed value at result.file: expected "<tmp#3>", got "/var/lib/fixture/c.log"']);
  }, 60_000);
});

describe('a client the new path refuses', () => {
  it('every answer "unauthorized": one diagnosis naming the error, not a difference per field', async () => {
    // The token goes in a field the fixture does not read: every request is refused.
    const ctx = createContext(loaded({ old: stdioTarget(), new: socketTarget('', { token: { file: '{{dataDir}}/token', field: 'token' } }), timeouts: FAST }));
    const { builder, steps } = createBuilder();
    builder.send('create', { title: 'a' }, { as: 's' });
    builder.send('get', { sessionId: '{{s.result.id}}' });
    for (let i = 0; i < 6; i++) builder.send('echo', { i });
    const { trace } = await recordScenario(ctx, { name: 'refused', steps });
    const { findings } = await replayTrace(ctx, trace);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'replay-refused', message: 'connection main: every request (8) was refused with "unauthorized"' });
    expect(findings[0]!.hint).toMatch(/^All 8 requests were answered with this error, where the golden trace has 8 served, and none of its 1 event\(s\) arrived\. The new path did not accept the client: check the token/);
  }, 60_000);
});

describe('ids inside text', () => {
  it('are renamed like ids in fields, consistently with them', async () => {
    const golden: BodyLine[] = [
      ...exchange(1, () => ({ id: 'sess_lx3k9a2b' }), 'create'),
      { type: 'request', conn: 'main', id: '2', command: 'get' },
      { type: 'response', conn: 'main', message: { id: '2', success: false, error: 'Session not found: sess_lx3k9a2b' } },
    ];
    const same = golden.map((l) => JSON.parse(JSON.stringify(l).replaceAll('sess_lx3k9a2b', 'sess_q81zzp0m')) as BodyLine);
    expect(await cmp(golden, same)).toEqual([]);
    // Another id than the one created: the text names a different session.
    const other = same.map((l, i) => (i === 3 ? (JSON.parse(JSON.stringify(l).replace('sess_q81zzp0m', 'sess_0000aaa1')) as BodyLine) : l));
    expect(await cmp(golden, other)).toEqual([expect.objectContaining({ kind: 'changed-value', path: 'error', expected: 'Session not found: <create:result.id#1>', actual: 'Session not found: <new get:error#1>' })]);
  });

  it('can be turned off (harness.compare.detect.idsInText: false)', async () => {
    const off = harnessSettings(loaded({ compare: { detect: { idsInText: false } } })).compare;
    const e = exchange(1, () => ({ note: 'made sess_lx3k9a2b' }));
    const a = exchange(1, () => ({ note: 'made sess_q81zzp0m' }));
    expect(await compareExchanges(e, a, { profile: coworkNdjson, compare: off, noise: [] })).toHaveLength(1);
    expect(await cmp(e, a)).toEqual([]);
  });
});

describe('a key named __proto__ is data', () => {
  const weird = () => JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;

  it('is kept in the trace and compared like any other key', async () => {
    const golden = exchange(1, () => weird());
    const trace = parseTrace(serializeTrace({ file: undefined, header: { type: 'header', format: 'cutover-trace', version: 1, scenario: 's', profile: 'cowork-ndjson', transport: 'stdio', cutover: '0', recordedAt: '2026-01-01T00:00:00.000Z', runs: 1, noise: [] }, lines: golden.map((l, i) => ({ ...l, line: i + 2 })) }, createRedactor()), undefined);
    expect(JSON.stringify(trace.lines[1])).toContain('"__proto__":{"polluted":true}');
    expect(await cmp(trace.lines, golden)).toEqual([]);
    const without = exchange(1, () => ({ a: 1 }));
    expect(await cmp(golden, without)).toEqual([expect.objectContaining({ kind: 'missing', path: 'result.__proto__' })]);
    expect(await cmp(without, golden)).toEqual([expect.objectContaining({ kind: 'extra', path: 'result.__proto__' })]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('goes through record and replay of a real target unchanged', async () => {
    const ctx = createContext(loaded({ old: stdioTarget(), new: socketTarget(), timeouts: FAST }));
    const { builder, steps } = createBuilder();
    builder.send('echo', weird());
    const { trace } = await recordScenario(ctx, { name: 'proto', steps });
    const text = serializeTrace(trace, ctx.redactor);
    expect(text).toContain('"result":{"__proto__":{"polluted":true},"a":1}');
    expect((await replayTrace(ctx, parseTrace(text, undefined))).findings).toEqual([]);
  }, 60_000);
});

describe('bounded reports', () => {
  it('a message with many differences: ten, then how many more, never "expected undefined"', async () => {
    const many = (v: number) => Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${String(i).padStart(2, '0')}`, v]));
    const diffs = await cmp(exchange(1, () => many(1)), exchange(1, () => many(2)));
    expect(diffs).toHaveLength(11);
    const findings = differenceFindings(diffs, undefined, createRedactor());
    expect(findings[10]!.message).toBe('response to paths (request "1", main): 5 more differences in this message, not shown');
    for (const f of findings) expect(f.message).not.toContain('undefined');
  });

  it('the same difference in many messages is one, with a count; past 200 kinds the rest is counted', async () => {
    const same = await cmp(exchange(500, () => ({ status: 'ok' })), exchange(500, () => ({ status: 'degraded' })));
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ count: 500, path: 'result.status' });
    expect(differenceFindings(same, undefined, createRedactor())[0]!.message).toMatch(/^response to paths \(request "1", main\): changed value at result\.status: expected "ok", got "degraded" \(and 499 more like it: response to paths \(request "2", main\); .*; …\)$/);
    // Each answer under another command: 1000 kinds of difference.
    const golden = Array.from({ length: 1000 }, (_, i) => exchange(1, () => ({ v: 1 }), `c${i}`, i + 1)).flat();
    const actual = Array.from({ length: 1000 }, (_, i) => exchange(1, () => ({ v: 2 }), `c${i}`, i + 1)).flat();
    const capped = await cmp(golden, actual);
    expect(capped).toHaveLength(201);
    expect(differenceFindings(capped, undefined, createRedactor())[200]!.message).toBe('the rest of this exchange: 800 more differences, not shown');
  });
});

describe('a long text that differs at its end', () => {
  // 3 MB of the same text, then one character different: é against e, before an emoji.
  const blob = (c: string) => `${'x'.repeat(3_000_000)}${c}🎉`;

  it('says where it differs: the offset and the same window in the message, the diff and the data, never megabytes', async () => {
    const diffs = await cmp(exchange(1, () => ({ blob: blob('é'), n: 1 })), exchange(1, () => ({ blob: blob('e'), n: 1 })));
    expect(diffs).toHaveLength(1);
    const [f] = differenceFindings(diffs, undefined, createRedactor());
    const before = `…${'x'.repeat(40)}`;
    expect(f!.message).toBe(`response to paths (request "1", main): changed value at result.blob: expected ${before}[é]🎉", got ${before}[e]🎉" (first difference at offset 3000000 of 3000002 characters)`);
    const diff = f!.data!.diff as string;
    expect(diff).toContain(`-    "blob": ${before}[é]🎉",`);
    expect(diff).toContain(`+    "blob": ${before}[e]🎉",`);
    expect(diff).toContain('     "n": 1');
    for (const line of diff.split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_LINE + 40);
    expect(f!.data).toMatchObject({ expected: `${before}[é]🎉"`, actual: `${before}[e]🎉"`, offset: 3_000_000, expectedLength: 3_000_002, actualLength: 3_000_002 });
    // What --json prints of it, JUnit and the step summary quote the message: kilobytes, not megabytes.
    expect(JSON.stringify(f).length).toBeLessThan(4000);
  });

  it('another long line of the message is cut with a note of how much; the whole diff stays bounded', async () => {
    const diffs = await cmp(exchange(1, () => ({ a: 1, long: 'y'.repeat(5000) })), exchange(1, () => ({ a: 2, long: 'y'.repeat(5000) })));
    const diff = differenceFindings(diffs, undefined, createRedactor())[0]!.data!.diff as string;
    expect(diff).toMatch(/^ {5}"long": "y{186}… \(4815 more characters\)$/m);
    const many = (v: number) => Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, `${v}${'z'.repeat(150)}`]));
    const wide = await cmp(exchange(1, () => many(1)), exchange(1, () => many(2)));
    const bounded = differenceFindings(wide, undefined, createRedactor())[0]!.data!.diff as string;
    expect(bounded.length).toBeLessThanOrEqual(MAX_DIFF_CHARS + 100);
    expect(bounded).toMatch(/\n… \(\d+ more lines of this diff not shown\)$/);
  });

  it('is redacted whole before a window is taken: half a token is never shown', async () => {
    const token = `ghp_${'A1b2C3d4'.repeat(5)}`;
    const text = (c: string) => `${'x'.repeat(5000)} ${token} ${c}`;
    // Not taken for an id inside text: the token stays a value.
    const off = harnessSettings(loaded({ compare: { detect: { idsInText: false } } })).compare;
    const diffs = await compareExchanges(exchange(1, () => ({ note: text('a') })), exchange(1, () => ({ note: text('b') })), { profile: coworkNdjson, compare: off, noise: [] });
    const [f] = differenceFindings(diffs, undefined, createRedactor());
    expect(f!.message).toContain('[REDACTED] [a]"');
    expect(JSON.stringify(f)).not.toContain('C3d4A1b2');
  });

  it('a short text is quoted whole as before', async () => {
    const diffs = await cmp(exchange(1, () => ({ s: 'abc🎉é' })), exchange(1, () => ({ s: 'abc🎉e' })));
    expect(differenceFindings(diffs, undefined, createRedactor())[0]!.message).toBe('response to paths (request "1", main): changed value at result.s: expected "abc🎉é", got "abc🎉e"');
  });
});
