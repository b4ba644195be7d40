import { cancelReason, cancelRun } from './cancel.js';

/**
 * Nothing is left behind: every child process, socket and temp dir that cutover creates
 * registers its teardown here. Normal paths call the returned disposer themselves; what an
 * interrupted run did not get to is run when the CLI ends.
 */
type Teardown = () => void | Promise<void>;

const pending = new Map<number, { label: string; fn: Teardown }>();
let nextId = 1;

export function onCleanup(label: string, fn: Teardown): () => Promise<void> {
  const id = nextId++;
  pending.set(id, { label, fn });
  return async () => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    await entry.fn();
  };
}

/** Runs every registered teardown, newest first; errors are collected, not thrown, so one failure does not strand the rest. */
export async function runAllCleanups(): Promise<Error[]> {
  const errors: Error[] = [];
  const entries = [...pending.entries()].reverse();
  pending.clear();
  for (const [, { label, fn }] of entries) {
    try {
      await fn();
    } catch (e) {
      errors.push(new Error(`cleanup "${label}" failed: ${(e as Error).message}`));
    }
  }
  return errors;
}

export function pendingCleanups(): string[] {
  return [...pending.values()].map((p) => p.label);
}

// How long an interrupted run gets to unwind (stop its targets: SIGTERM, then SIGKILL) before the
// remaining teardowns run regardless and the process exits.
const UNWIND_MS = 20_000;
const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
let installed = false;

/**
 * SIGINT/SIGTERM cancel the run: every wait gives up, nothing new starts, and the run unwinds
 * through its own teardown, then exits 130/143. A second signal, or a run that does not unwind in
 * time, runs every remaining teardown at once and exits.
 */
export function installSignalCleanup(write: (s: string) => void = (s) => process.stderr.write(s)): void {
  if (installed) return;
  installed = true;
  const now = (signal: 'SIGINT' | 'SIGTERM') => void runAllCleanups().finally(() => process.exit(CODES[signal]));
  const handle = (signal: 'SIGINT' | 'SIGTERM') => {
    if (cancelReason()) {
      write(`\ncutover: ${signal} again, ending at once…\n`);
      return now(signal);
    }
    write(`\ncutover: ${signal} received, stopping what was started (${signal} again ends at once)…\n`);
    cancelRun(signal);
    setTimeout(() => now(signal), UNWIND_MS);
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}
