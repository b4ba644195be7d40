/** The comparison thread of `threaded.ts`: normalizes both sides and matches them. */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { getProfile } from '../../profiles/registry.js';
import { bodyLinesOf } from '../../trace/read.js';
import type { BodyLine } from '../../trace/types.js';
import { matchSides } from '../compare.js';
import type { PreparedSide, PrepareOptions } from '../prepare.js';
import { SideBuilder } from '../side.js';
import type { FromThread, ThreadInit, ToThread } from './protocol.js';

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
let base: PrepareOptions | undefined;
let golden: PreparedSide | undefined;
let actual: SideBuilder | undefined;
const side = (dataDirs: readonly string[] = []) => (actual ??= new SideBuilder({ ...base!, dataDirs }, true));

try {
  base = { profile: getProfile(init.profile), compare: init.compare, noise: init.noise };
  // The golden side first: the exchange has barely started, its lines queue meanwhile.
  const g = new SideBuilder(base);
  for (const l of 'text' in init.golden ? bodyLinesOf(init.golden.text) : init.golden.lines) g.add(l);
  golden = await g.finish();
} catch (e) {
  fail(e);
}

port.on('message', (m: ToThread) => {
  if (failed) return;
  try {
    if (m.t === 'begin') side(m.dataDirs);
    else if (m.t === 'lines') {
      const s = side();
      for (const item of m.items) {
        const line: BodyLine = Array.isArray(item) ? { type: item[0], conn: item[1], message: JSON.parse(item[2]) as unknown } : item;
        s.add(line);
      }
    } else void finish();
  } catch (e) {
    fail(e);
  }
});

async function finish(): Promise<void> {
  try {
    reply({ t: 'done', differences: matchSides(golden!, await side().finish(), base!) });
  } catch (e) {
    fail(e);
  }
}

function fail(e: unknown): void {
  failed = true;
  reply({ t: 'error', message: (e as Error).message ?? String(e), stack: (e as Error).stack });
}
