import { unlessCancelled } from './cancel.js';
import { TransportError } from './errors.js';

export interface WaitContext {
  /** What the wait is for, in words: "the ready line of stdio: node x.js". */
  what: string;
  timeoutMs: number;
  /** Called when the limit runs out, for the tail of the target's stderr. */
  stderrTail?: () => string | undefined;
  hint?: string;
}

/**
 * Every wait goes through here: it has a limit, running out says what it waited for, and an
 * interrupted run (SIGINT, SIGTERM) ends it at once with a CancelledError.
 */
export function withTimeout<T>(promise: Promise<T>, ctx: WaitContext): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new TransportError(`timed out after ${ctx.timeoutMs} ms waiting for ${ctx.what}`, {
          stderrTail: ctx.stderrTail?.(),
          hint: ctx.hint ?? 'Check that the target starts and answers; raise harness.timeouts if it is only slow.',
        }),
      );
    }, ctx.timeoutMs);
    timer.unref?.();
  });
  return unlessCancelled(Promise.race([promise, timeout]), `waiting for ${ctx.what}`).finally(() => clearTimeout(timer));
}

/** A pause that an interrupted run cuts short (with a CancelledError). */
export function sleep(ms: number): Promise<void> {
  return unlessCancelled(new Promise<void>((r) => setTimeout(r, ms)));
}

/** Resolves true when `p` settles within `ms`, false otherwise; the timer never outlives the wait. */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
