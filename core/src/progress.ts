/**
 * Progress of a long run on stderr, with the time it has taken, so a run that takes a minute never
 * looks stalled. On a terminal: one live line, rewritten every second with the current step and
 * the elapsed time, cleared when the run ends. In CI and when piped (plain mode): nothing for a
 * short run, then a heartbeat line every `heartbeatMs` (default 10 s; `CUTOVER_HEARTBEAT_MS`)
 * saying what it is still doing. When stderr is the process's own, a thread of its own keeps the
 * time (`progress-thread.ts`), started once the run has taken a second, so the line moves on while
 * the main thread is busy parsing;
 * otherwise (in process, into a stream) a timer of the main thread does. Timers never keep the
 * process alive.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Output } from './output.js';
import { ACTIVE, elapsed, line, LOCK, type ThreadMessage, type ThreadSetup } from './progress-shared.js';
import { redactText } from './redact/text.js';

export { elapsed };

export interface Progress {
  /** What the run is doing now (shown on the live line and in the next heartbeat). */
  step(what: string): void;
  /** Clears the live line; no more heartbeats. */
  stop(): void;
}

export interface ProgressOptions {
  heartbeatMs?: number;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

export function heartbeatInterval(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CUTOVER_HEARTBEAT_MS);
  return Number.isFinite(n) && n > 0 ? n : 10_000;
}

// A thread costs about 30 ms of CPU to start: a run that ends sooner than this never starts one.
const THREAD_AFTER_MS = 1000;

export function startProgress(out: Output, label: string, opts: ProgressOptions = {}): Progress {
  const heartbeatMs = opts.heartbeatMs ?? heartbeatInterval(opts.env);
  if (opts.now || out.stderrFd === undefined || !threadAvailable()) return timerProgress(out, label, heartbeatMs, opts.now ?? (() => performance.now()));
  const startedAt = Date.now();
  let current = 'starting';
  let running: Progress | undefined;
  const timer = setTimeout(() => {
    running = heartbeatThread(out, heartbeatMs).start(label, startedAt);
    running.step(current);
  }, Math.min(THREAD_AFTER_MS, heartbeatMs));
  timer.unref();
  return {
    step(what) {
      current = what;
      running?.step(what);
    },
    stop() {
      clearTimeout(timer);
      running?.stop();
    },
  };
}

function timerProgress(out: Output, label: string, heartbeatMs: number, now: () => number): Progress {
  const started = now();
  let current = 'starting';
  let shown = false;
  const width = () => Math.max(40, ((out.stderr as { columns?: number }).columns ?? 100) - 1);
  const clear = () => {
    if (shown) out.stderr.write('\r\u001b[2K');
    shown = false;
  };
  const timer = out.interactive
    ? setInterval(() => {
        clear();
        out.stderr.write(out.style.dim(line(label, current, now() - started, true).slice(0, width())));
        shown = true;
      }, 1000)
    : setInterval(() => out.info(out.style.dim(line(label, current, now() - started, false))), heartbeatMs);
  timer.unref();
  return {
    step(what) {
      current = what;
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}

interface Thread {
  start(label: string, startedAt: number): Progress;
}

const THREAD_URL = new URL('./progress-thread.js', import.meta.url);

/** Only from the built package: a worker loads plain JavaScript, not the sources tests import. */
function threadAvailable(): boolean {
  return THREAD_URL.pathname.endsWith('.js') && import.meta.url.endsWith('.js') && fs.existsSync(THREAD_URL);
}

let shared: { worker: Worker; state: Int32Array; key: string } | undefined;
let generation = 0;

/** The process's heartbeat thread (one, made on first use). */
function heartbeatThread(out: Output, heartbeatMs: number): Thread {
  const url = THREAD_URL;
  const setup: Omit<ThreadSetup, 'shared'> = { fd: out.stderrFd!, interactive: out.interactive, dim: out.color, heartbeatMs, columns: Math.max(40, ((out.stderr as { columns?: number }).columns ?? 100) - 1) };
  const key = JSON.stringify(setup);
  if (shared?.key !== key) {
    void shared?.worker.terminate();
    const buffer = new SharedArrayBuffer(8);
    const worker = new Worker(url, { execArgv: [], workerData: { ...setup, shared: buffer } satisfies ThreadSetup });
    worker.unref();
    worker.on('error', () => undefined);
    shared = { worker, state: new Int32Array(buffer), key };
  }
  const { worker, state } = shared;
  return {
    start(label, startedAt) {
      const gen = ++generation;
      worker.postMessage({ type: 'start', gen, label: redactText(label), startedAt, step: 'starting' } satisfies ThreadMessage);
      Atomics.store(state, ACTIVE, gen);
      return {
        step(what) {
          worker.postMessage({ type: 'step', gen, step: redactText(what) } satisfies ThreadMessage);
        },
        stop() {
          // Under the lock: once this returns, no heartbeat of this run can be written.
          while (Atomics.compareExchange(state, LOCK, 0, 1) !== 0) Atomics.wait(state, LOCK, 1, 5);
          try {
            if (Atomics.load(state, ACTIVE) === gen) Atomics.store(state, ACTIVE, 0);
            if (setup.interactive) fs.writeSync(setup.fd, '\r\u001b[2K');
          } finally {
            Atomics.store(state, LOCK, 0);
          }
        },
      };
    },
  };
}
