import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HarnessCompare } from '../../core/src/config/types.generated.js';
import { compareExchanges, type Difference } from '../../harness/src/compare/compare.js';
import { inProcessComparison } from '../../harness/src/compare/live/in-process.js';
import { startComparison } from '../../harness/src/compare/live/start.js';
import type { LiveComparison, LiveInit } from '../../harness/src/compare/live/types.js';
import { coworkNdjson } from '../../harness/src/profiles/cowork-ndjson.js';
import { harnessSettings } from '../../harness/src/settings.js';
import { readTrace, traceSource } from '../../harness/src/trace/read.js';
import type { BodyLine, NoiseRule } from '../../harness/src/trace/types.js';
import { REPO_ROOT } from '../support/cli.js';
import { FIX, loaded } from './support.js';

// The worker thread loads plain JavaScript: its side of these tests runs the built package.
const DIST = path.join(REPO_ROOT, 'dist/harness/src/compare/live');
type Start = (init: LiveInit, opts?: { thread?: boolean }) => LiveComparison;
let threaded: (init: LiveInit) => LiveComparison;
let builtStart: Start;
let builtMinLines: number;
let builtPending: () => string[];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'thread.js'))) throw new Error(`${DIST}/thread.js is missing: run \`pnpm build\` first`);
  ({ threadedComparison: threaded } = await import(path.join(DIST, 'threaded.js')));
  ({ startComparison: builtStart, THREAD_MIN_LINES: builtMinLines } = await import(path.join(DIST, 'start.js')));
  ({ pendingCleanups: builtPending } = await import(path.join(REPO_ROOT, 'dist/core/src/cleanup.js')));
});

interface Case {
  compare?: HarnessCompare;
  noise?: NoiseRule[];
  expected: BodyLine[];
  actual: BodyLine[];
  differences: unknown[];
}

/** Feeds a side as the runner does: each message with the frame text it was parsed from. */
async function live(start: (init: LiveInit) => LiveComparison, init: LiveInit, actual: readonly BodyLine[]): Promise<Difference[]> {
  const cmp = start(init);
  try {
    cmp.begin([]);
    for (const l of actual) cmp.observe(l, 'message' in l ? JSON.stringify(l.message) : undefined);
    return await cmp.end();
  } finally {
    await cmp.dispose();
  }
}

const DIR = path.join(FIX, 'compare');
const cases = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('comparing while the exchange runs', () => {
  it.each(cases)('%s: on the main thread and in a worker thread, the same differences as comparing afterwards', async (file) => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Case;
    const compare = harnessSettings(loaded({ compare: c.compare ?? {} })).compare;
    const base = { profile: coworkNdjson, compare, noise: c.noise ?? [] };
    const after = await compareExchanges(c.expected, c.actual, base);
    expect(after).toHaveLength(c.differences.length);
    const init: LiveInit = { ...base, golden: { lines: c.expected } };
    expect(await live(inProcessComparison, init, c.actual)).toEqual(after);
    expect(await live(threaded, init, c.actual)).toEqual(after);
  });

  it('a thread reads the golden side from the trace text and reports differences at its lines', async () => {
    const trace = readTrace(path.join(REPO_ROOT, 'examples/cowork/cutover/traces/sessions.jsonl'));
    const dropped = trace.lines.findIndex((l) => l.type === 'event');
    const actual = trace.lines.filter((_, i) => i !== dropped);
    const init: LiveInit = { profile: coworkNdjson, compare: harnessSettings(loaded({})).compare, noise: trace.header.noise, golden: { lines: trace.lines, text: traceSource(trace) } };
    const diffs = await live(threaded, init, actual);
    expect(diffs).toEqual(await live(inProcessComparison, init, actual));
    expect(diffs).toMatchObject([{ kind: 'missing', line: trace.lines[dropped]!.line }]);
  });

  it('a failure inside the thread rejects with an internal error and leaves no thread behind', async () => {
    const init: LiveInit = { profile: { ...coworkNdjson, name: 'no-such-profile' }, compare: harnessSettings(loaded({})).compare, noise: [], golden: { lines: [] } };
    const cmp = threaded(init);
    cmp.begin([]);
    await expect(cmp.end()).rejects.toMatchObject({ name: 'InternalError', message: expect.stringContaining('unknown protocol profile "no-such-profile"') });
    await cmp.dispose();
    expect(builtPending()).not.toContain('comparison worker thread');
  });

  it('ended before the exchange is (the target failed), the thread goes at once', async () => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, 'missing-event.json'), 'utf8')) as Case;
    const cmp = threaded({ profile: coworkNdjson, compare: harnessSettings(loaded({})).compare, noise: [], golden: { lines: c.expected } });
    cmp.begin([]);
    for (const l of c.actual.slice(0, 2)) cmp.observe(l, 'message' in l ? JSON.stringify(l.message) : undefined);
    expect(builtPending()).toContain('comparison worker thread');
    await cmp.dispose();
    expect(builtPending()).not.toContain('comparison worker thread');
  });

  it.skipIf(process.platform !== 'linux')('on Linux the thread gives way (nice 10) and the rest of the process keeps its priority', async () => {
    const nices = () =>
      new Map(
        fs.readdirSync('/proc/self/task').map((t) => {
          const stat = fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
          return [Number(t), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])] as const;
        }),
      );
    const before = nices();
    const main = before.get(process.pid)!;
    const cmp = threaded({ profile: coworkNdjson, compare: harnessSettings(loaded({})).compare, noise: [], golden: { lines: [] } });
    // The thread lowers itself as it starts: look until a new thread has (or a few seconds went by).
    const lowered = () => [...nices()].filter(([t, n]) => !before.has(t) && n === Math.min(main + 10, 19));
    let found = lowered();
    for (let i = 0; i < 100 && found.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      found = lowered();
    }
    const mainDuring = nices().get(process.pid);
    await cmp.dispose();
    expect(found).toHaveLength(1);
    expect(mainDuring).toBe(main);
  });

  it('takes a thread for a large trace or when asked, the main thread otherwise and always from the sources', async () => {
    const init = (n: number): LiveInit => ({ profile: coworkNdjson, compare: harnessSettings(loaded({})).compare, noise: [], golden: { lines: Array.from({ length: n }, () => ({ type: 'request', conn: 'main', command: 'x' })) } });
    const modes: string[] = [];
    for (const [start, n, opts] of [
      [builtStart, 10, {}],
      [builtStart, builtMinLines, {}],
      [builtStart, 10, { thread: true }],
      [builtStart, builtMinLines, { thread: false }],
      [startComparison, builtMinLines, { thread: true }],
    ] as [Start, number, { thread?: boolean }][]) {
      const cmp = start(init(n), opts);
      modes.push(cmp.mode);
      cmp.begin([]);
      await cmp.end();
      await cmp.dispose();
    }
    expect(modes).toEqual(['in-process', 'worker', 'worker', 'in-process', 'in-process']);
  });
});
