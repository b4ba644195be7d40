// Daemon lifecycle: lock, stale-socket cleanup, fresh auth token, listen, then load the
// state (clients that connect meanwhile get "starting" answers, and daemon_health says
// ready: false until it is loaded), and on SIGTERM/SIGINT leave nothing behind (socket,
// lock and token removed, state on disk).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readyEvent } from './event-emitter.js';
import { registerCoworkHandlers, registerLifecycleHandlers } from './ipc-handler.js';
import { log } from './log.js';
import { removeQuietly, writeFileAtomic } from './persistence.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime/bootstrap.js';
import { acquireLock, clearStaleSocket, releaseLock } from './runtime/instance-lock.js';
import { encodeLine } from './runtime/protocol.js';
import { LocalIpcServer, type Endpoint } from './runtime/transports/local-ipc-server.js';

export interface DaemonOptions extends RuntimeOptions {
  /** null: the platform default (Unix socket in the data dir, or a named pipe). */
  listen: Endpoint | null;
  /** How long loading the state takes after the socket is bound (a slow disk, a migration). */
  startupDelayMs: number;
}

export function dataDirFiles(dataDir: string) {
  return {
    lock: path.join(dataDir, 'daemon.lock'),
    token: path.join(dataDir, 'auth.token'),
    socket: path.join(dataDir, 'cowork.sock'),
  };
}

export function defaultEndpoint(dataDir: string): Endpoint {
  if (process.platform !== 'win32') return { kind: 'unix', path: dataDirFiles(dataDir).socket };
  // Pipes live in a global namespace: derive the name from the data dir so two data
  // dirs never collide and the same data dir always finds its daemon.
  const hash = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return { kind: 'pipe', path: `\\\\.\\pipe\\cowork-${hash}` };
}

export async function runDaemon(options: DaemonOptions): Promise<void> {
  const files = dataDirFiles(options.dataDir);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  acquireLock(files.lock);
  const endpoint = options.listen ?? defaultEndpoint(options.dataDir);
  let server: LocalIpcServer | null = null;
  const cleanupFiles = () => {
    // Only a socket we bound: a refused start must not unlink a live daemon's socket.
    if (endpoint.kind === 'unix' && server) removeQuietly(endpoint.path);
    removeQuietly(files.token);
    releaseLock(files.lock);
  };
  let rt: Runtime | null = null;
  try {
    if (endpoint.kind === 'unix') await clearStaleSocket(endpoint.path);
    registerLifecycleHandlers({
      runtime: () => rt,
      // The daemon owns its data dir (--data-dir); an app that sends initialize as it did to the sidecar is answered the same way.
      initialize: async () => ({ initialized: true, protocolVersion: 1 }),
      notReady: 'starting: the daemon is still loading its state; retry once daemon_health answers ready: true',
      startedAt: Date.now(),
    });
    // New token every start: a token read by a previous client stops working on restart.
    const token = crypto.randomBytes(32).toString('hex');
    writeFileAtomic(files.token, token, 0o600);
    const ipc = new LocalIpcServer(endpoint, token);
    const info = await ipc.start();
    server = ipc;

    let stopping = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: shutting down`);
      await server?.close();
      rt?.close();
      cleanupFiles();
      process.exit(0);
    };
    process.on('SIGTERM', (s) => void shutdown(s));
    process.on('SIGINT', (s) => void shutdown(s));

    log(`listening on ${String(info.socket)} (data dir ${options.dataDir}); loading state`);
    const ready = { socket: info.socket, pid: process.pid, transport: info.transport, tokenFile: files.token };
    // The line says where to connect; daemon_health says when the state is there.
    process.stdout.write(encodeLine(readyEvent(ready)));
    setTimeout(() => {
      if (stopping) return;
      try {
        const loaded = createRuntime(options);
        registerCoworkHandlers(loaded);
        ipc.attach(loaded);
        rt = loaded;
        log('state loaded: ready');
      } catch (err) {
        log(`fatal: loading state failed: ${(err as Error).message}`);
        void server?.close().then(() => {
          cleanupFiles();
          process.exit(1);
        });
      }
    }, options.startupDelayMs);
  } catch (err) {
    await server?.close();
    cleanupFiles();
    throw err;
  }
}
