/**
 * The heartbeat's own thread. The main thread parses and compares synchronously for seconds at a
 * time; a timer there would fire only between those stretches, and a long run would look stalled.
 * This thread writes straight to stderr's file descriptor on its own timer, whatever the main
 * thread is doing. It writes only while the shared `active` slot holds the generation of the run
 * it was told about, and only under the shared lock, which the main thread takes to stop it and
 * clear the live line: a heartbeat never lands after the line the main thread prints next.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ACTIVE, LOCK, line, type ThreadMessage, type ThreadSetup } from './progress-shared.js';

const setup = workerData as ThreadSetup;
const state = new Int32Array(setup.shared);
let current: { gen: number; label: string; startedAt: number; step: string } | undefined;

parentPort!.on('message', (m: ThreadMessage) => {
  if (m.type === 'start') current = { gen: m.gen, label: m.label, startedAt: m.startedAt, step: m.step };
  else if (m.type === 'step' && current?.gen === m.gen) current.step = m.step;
});

setInterval(() => {
  if (!current || Atomics.load(state, ACTIVE) !== current.gen) return;
  if (Atomics.compareExchange(state, LOCK, 0, 1) !== 0) return;
  try {
    if (Atomics.load(state, ACTIVE) !== current.gen) return;
    const text = line(current.label, current.step, Date.now() - current.startedAt, setup.interactive);
    fs.writeSync(setup.fd, setup.interactive ? `\r\u001b[2K${setup.dim ? `\u001b[2m${text.slice(0, setup.columns)}\u001b[22m` : text.slice(0, setup.columns)}` : `${setup.dim ? `\u001b[2m${text}\u001b[22m` : text}\n`);
  } catch {
    // stderr is gone (the reader left): nothing to tell anyone
  } finally {
    Atomics.store(state, LOCK, 0);
  }
}, setup.interactive ? 1000 : setup.heartbeatMs);
