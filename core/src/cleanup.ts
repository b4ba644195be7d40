/**
 * Nothing is left behind: every child process, socket and temp dir that cutover creates
 * registers its teardown here. Normal paths call the returned disposer themselves; on
 * Ctrl-C or SIGTERM the CLI runs whatever is still registered before exiting.
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

let installed = false;

/** Installs SIGINT/SIGTERM handlers that clean up and exit with the conventional 128+n code. */
export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  const handle = (signal: NodeJS.Signals, code: number) => {
    process.stderr.write(`\ncutover: ${signal} received, cleaning up…\n`);
    void runAllCleanups().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => handle('SIGINT', 130));
  process.once('SIGTERM', () => handle('SIGTERM', 143));
}
