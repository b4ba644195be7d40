/**
 * Progress of a long run on stderr, with the time it has taken, so a run that takes a minute never
 * looks stalled. On a terminal: one live line, rewritten every second with the current step and
 * the elapsed time, cleared when the run ends. In CI and when piped (plain mode): nothing for a
 * short run, then a heartbeat line every `heartbeatMs` (default 10 s; `CUTOVER_HEARTBEAT_MS`)
 * saying what it is still doing. Timers never keep the process alive.
 */
import type { Output } from './output.js';

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

/** `4 s`, `1 min 05 s`. */
export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function heartbeatInterval(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CUTOVER_HEARTBEAT_MS);
  return Number.isFinite(n) && n > 0 ? n : 10_000;
}

export function startProgress(out: Output, label: string, opts: ProgressOptions = {}): Progress {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  let current = 'starting';
  let shown = false;
  const width = () => Math.max(40, ((out.stderr as { columns?: number }).columns ?? 100) - 1);
  const line = () => `${label}: ${current} (${elapsed(now() - started)})`;
  const clear = () => {
    if (shown) out.stderr.write('\r\u001b[2K');
    shown = false;
  };
  let timer: NodeJS.Timeout;
  if (out.interactive) {
    const draw = () => {
      clear();
      out.stderr.write(out.style.dim(line().slice(0, width())));
      shown = true;
    };
    timer = setInterval(draw, 1000);
  } else {
    timer = setInterval(() => out.info(out.style.dim(`${label}: still working, ${elapsed(now() - started)} so far: ${current}`)), opts.heartbeatMs ?? heartbeatInterval(opts.env));
  }
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
