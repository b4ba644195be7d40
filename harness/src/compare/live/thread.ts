/** The comparison thread of `threaded.ts`: the same comparison as on the main thread, fed by messages. */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { getProfile } from '../../profiles/registry.js';
import { bodyLinesOf } from '../../trace/read.js';
import type { BodyLine } from '../../trace/types.js';
import { inProcessComparison } from './in-process.js';
import type { FromThread, ThreadInit, ToThread } from './protocol.js';
import type { LiveComparison } from './types.js';

// On Linux a nice value is per thread: this one gives way to the exchange (the main thread and
// the target) and works in its gaps. Elsewhere it would lower the whole process, so it is left.
if (process.platform === 'linux') {
  try {
    os.setPriority(10);
  } catch {
    // Not allowed here: the thread runs at the process's priority.
  }
}

const init = workerData as ThreadInit;
const port = parentPort!;
const reply = (m: FromThread) => port.postMessage(m);
let failed = false;
let cmp: LiveComparison | undefined;

try {
  const golden = 'text' in init.golden ? bodyLinesOf(init.golden.text) : init.golden.lines;
  cmp = inProcessComparison({ profile: getProfile(init.profile), compare: init.compare, noise: init.noise, golden: { lines: golden } });
} catch (e) {
  fail(e);
}

port.on('message', (m: ToThread) => {
  if (failed || !cmp) return;
  try {
    if (m.t === 'begin') cmp.begin(m.dataDirs);
    else if (m.t === 'lines') {
      for (const item of m.items) {
        const line: BodyLine = Array.isArray(item) ? { type: item[0], conn: item[1], message: JSON.parse(item[2]) as unknown } : item;
        cmp.observe(line);
      }
    } else void finish(cmp);
  } catch (e) {
    fail(e);
  }
});

async function finish(c: LiveComparison): Promise<void> {
  try {
    reply({ t: 'done', differences: await c.end() });
  } catch (e) {
    fail(e);
  }
}

function fail(e: unknown): void {
  failed = true;
  reply({ t: 'error', message: (e as Error).message ?? String(e), stack: (e as Error).stack });
}
