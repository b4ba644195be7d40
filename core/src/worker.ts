import os from 'node:os';

/**
 * Whether work can go to a worker thread: only from the built package (a worker loads plain
 * JavaScript, not the TypeScript sources tests import) and only with a second core to run on.
 */
export function workerAvailable(workerUrl: URL, callerUrl: string): boolean {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores > 1 && workerUrl.pathname.endsWith('.js') && callerUrl.endsWith('.js');
}
