import { CancelledError } from './errors.js';

/**
 * One cancellation signal for the whole run. SIGINT or SIGTERM aborts it; every wait races it and
 * every spawn checks it, so an interrupted run stops where it is instead of going on to start the
 * next target while cleanup runs beside it.
 */
let controller = new AbortController();
let reason: 'SIGINT' | 'SIGTERM' | undefined;

export function runSignal(): AbortSignal {
  return controller.signal;
}

/** Why the run was cancelled, if it was. */
export function cancelReason(): 'SIGINT' | 'SIGTERM' | undefined {
  return reason;
}

export function cancelRun(signal: 'SIGINT' | 'SIGTERM'): void {
  if (reason) return;
  reason = signal;
  controller.abort(new CancelledError(signal));
}

/** A fresh signal for the next run in this process (the CLI called from code or tests, run after run). */
export function resetRun(): void {
  if (!reason && !controller.signal.aborted) return;
  controller = new AbortController();
  reason = undefined;
}

export function throwIfCancelled(while_?: string): void {
  if (reason) throw new CancelledError(reason, while_);
}

/** Resolves or rejects with `p`, or rejects with a CancelledError as soon as the run is cancelled. */
export function unlessCancelled<T>(p: Promise<T>, while_?: string): Promise<T> {
  const signal = controller.signal;
  if (reason) return Promise.reject(new CancelledError(reason, while_));
  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CancelledError(reason ?? 'SIGINT', while_));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, cancelled]).finally(() => signal.removeEventListener('abort', onAbort!));
}
