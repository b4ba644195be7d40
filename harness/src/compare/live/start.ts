import { workerAvailable } from '../../../../core/src/worker.js';
import { inProcessComparison } from './in-process.js';
import { THREAD_URL, threadedComparison } from './threaded.js';
import type { LiveComparison, LiveInit } from './types.js';

/**
 * Starting a worker thread costs about 100 ms; normalizing on the main thread costs a few
 * microseconds per message. Below this many golden lines the main thread is done first.
 */
export const THREAD_MIN_LINES = 5_000;

/**
 * A worker thread when there is one to be had (built package, a second core) and the trace is
 * large or `thread` asks for it; the main thread otherwise or when `thread` is false.
 */
export function startComparison(init: LiveInit, opts: { thread?: boolean } = {}): LiveComparison {
  const wanted = opts.thread ?? init.golden.lines.length >= THREAD_MIN_LINES;
  return wanted && workerAvailable(THREAD_URL, import.meta.url) ? threadedComparison(init) : inProcessComparison(init);
}
