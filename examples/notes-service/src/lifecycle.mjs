// Clean shutdown: on SIGTERM (launchd, kill) or SIGINT (Ctrl+C) the sessions are saved, the
// socket removed, and the process exits 0. A second signal while that runs is ignored.
import fs from 'node:fs';

export function handleShutdown({ store, server, socketPath, log }) {
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: saving sessions and stopping`);
    try {
      await store.flush();
    } catch (e) {
      log.error(`saving on shutdown failed: ${e.message}`);
      process.exitCode = 1;
    }
    server.close();
    fs.rmSync(socketPath, { force: true });
    log.info('stopped');
    process.exit(process.exitCode ?? 0);
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void stop(signal));
}
