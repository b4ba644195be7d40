import { Worker } from 'node:worker_threads';
import { onCleanup } from '../../../../core/src/cleanup.js';
import { InternalError } from '../../../../core/src/errors.js';
import type { Difference } from '../compare.js';
import type { FromThread, Item, ThreadInit, ToThread } from './protocol.js';
import type { LiveComparison, LiveInit } from './types.js';

export const THREAD_URL = new URL('./thread.js', import.meta.url);

/** Lines go over in batches: one message per response would cost more than the work it moves. */
const BATCH = 1024;
const FLUSH_MS = 20;
const HINT = 'This is a bug in cutover; run with --debug for the stack trace and report it with the trace that triggers it.';

/**
 * In a worker thread: the main thread only forwards what arrives, so the round trips of the
 * exchange are not held up by normalization, which runs on the other core meanwhile.
 */
export function threadedComparison(init: LiveInit): LiveComparison {
  const data: ThreadInit = {
    profile: init.profile.name,
    compare: init.compare,
    noise: init.noise,
    golden: init.golden.text !== undefined ? { text: init.golden.text } : { lines: init.golden.lines },
  };
  const worker = new Worker(THREAD_URL, { workerData: data });
  const dispose = onCleanup('comparison worker thread', () => worker.terminate().then(() => undefined));
  const result = new Promise<Difference[]>((resolve, reject) => {
    worker.on('message', (m: FromThread) => {
      if (m.t === 'done') resolve(m.differences);
      else reject(new InternalError(`the comparison failed: ${m.message}`, { hint: HINT, cause: Object.assign(new Error(m.message), { stack: m.stack }) }));
    });
    worker.once('error', (e) => reject(new InternalError(`the comparison worker thread failed: ${e.message}`, { hint: HINT, cause: e })));
    worker.once('exit', (code) => reject(new InternalError(`the comparison worker thread exited (code ${code}) before it answered`, { hint: HINT })));
  });
  result.catch(() => {});
  let batch: Item[] = [];
  let timer: NodeJS.Timeout | undefined;
  const send = (m: ToThread) => worker.postMessage(m);
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (batch.length === 0) return;
    send({ t: 'lines', items: batch });
    batch = [];
  };
  return {
    mode: 'worker',
    begin(dataDirs) {
      send({ t: 'begin', dataDirs });
    },
    observe(line, text) {
      batch.push(text !== undefined && (line.type === 'response' || line.type === 'event' || line.type === 'message') ? [line.type, line.conn, text] : line);
      if (batch.length >= BATCH) flush();
      else timer ??= setTimeout(flush, FLUSH_MS);
    },
    async end() {
      flush();
      send({ t: 'end' });
      try {
        return await result;
      } finally {
        // The thread is done either way; its teardown need not hold up the report.
        dispose().catch(() => {});
      }
    },
    async dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await dispose();
    },
  };
}
