import fs from 'node:fs';
import net from 'node:net';
import { unlessCancelled } from '../../../core/src/cancel.js';
import { onCleanup } from '../../../core/src/cleanup.js';
import { CancelledError, UsageError } from '../../../core/src/errors.js';
import { connectOptions, describeEndpoint, tryConnect, type Endpoint } from '../runtime/endpoint.js';
import type { TapRecorder } from './recorder.js';
import { watchUpstream } from './watch-upstream.js';

export interface SocketTapOptions {
  listen: Endpoint;
  upstream: Endpoint;
  recorder: TapRecorder;
  /** Told when it listens, so whoever started it can point the app at it. */
  onListening?: (where: string) => void;
}

export interface SocketTapEnd {
  endedBy: 'daemon' | 'interrupted';
  /** Connections served. */
  connections: number;
  /** Why the daemon side ended, when it did. */
  why?: string;
}

/**
 * A socket proxy in front of a daemon: every client that connects here gets its own connection to
 * the daemon, and every byte passes both ways unchanged while the recorder reads a copy (each
 * client a connection of the trace). A client that goes away ends only its connection; the daemon
 * going away (a refused or dropped connection, or, with no client connected, its socket file gone
 * or a probe connection refused) ends the tap, as does a signal. The socket it listens on is 0600
 * and removed at the end.
 */
export async function tapSocket(o: SocketTapOptions): Promise<SocketTapEnd> {
  await clearStale(o.listen);
  const open = new Set<net.Socket>();
  let served = 0;
  let daemonGone: (why: string) => void = () => {};
  const gone = new Promise<string>((resolve) => (daemonGone = resolve));
  const server = net.createServer((client) => {
    served++;
    const conn = o.recorder.open();
    const daemon = net.connect(connectOptions(o.upstream));
    open.add(client).add(daemon);
    let closed = false;
    const end = (why?: string) => {
      if (closed) return;
      closed = true;
      client.destroy();
      daemon.destroy();
      open.delete(client);
      open.delete(daemon);
      o.recorder.close(conn);
      if (why) daemonGone(why);
    };
    client.on('data', (chunk: Buffer) => o.recorder.fromClient(conn, chunk));
    daemon.on('data', (chunk: Buffer) => o.recorder.fromServer(conn, chunk));
    client.pipe(daemon);
    daemon.pipe(client);
    client.on('error', () => end());
    client.on('close', () => end());
    daemon.on('error', (e: NodeJS.ErrnoException) => end(`the daemon at ${describeEndpoint(o.upstream)} could not be reached (${e.code ?? e.message})`));
    // The daemon hanging up on a client is its answer to that client; only a daemon that is gone ends the tap.
    daemon.on('close', () => {
      if (closed) return;
      void tryConnect(o.upstream).then((r) => {
        if ('socket' in r) {
          r.socket.destroy();
          end();
        } else end(`the daemon at ${describeEndpoint(o.upstream)} went away (${r.error.code ?? r.error.message})`);
      });
    });
  });
  const stop = onCleanup(`tap socket ${describeEndpoint(o.listen)}`, () => close(server, open, o.listen));
  await listen(server, o.listen);
  // With no client connected, nothing else would notice the daemon going away.
  const watch = watchUpstream(o.upstream, () => open.size === 0, daemonGone);
  const bound = server.address();
  o.onListening?.(bound && typeof bound === 'object' ? `tcp://${bound.address}:${bound.port}` : describeEndpoint(o.listen));
  try {
    const why = await unlessCancelled(gone, 'passing traffic between clients and the daemon');
    return { endedBy: 'daemon', connections: served, why };
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    return { endedBy: 'interrupted', connections: served };
  } finally {
    watch.stop();
    await stop();
  }
}

/** A socket file nobody listens on is a dead run's: removed. One somebody listens on is not ours to take. */
async function clearStale(e: Endpoint): Promise<void> {
  if (e.kind !== 'unix' || !fs.existsSync(e.path)) return;
  const r = await tryConnect(e);
  if ('socket' in r) {
    r.socket.destroy();
    throw new UsageError(`something already listens on ${e.path}`, { hint: 'Give --socket a path no daemon uses: the app connects to the tap there, the tap to the daemon at --upstream.' });
  }
  fs.rmSync(e.path, { force: true });
}

function listen(server: net.Server, e: Endpoint): Promise<void> {
  // Never connectable by other users, not even before the chmod.
  const umask = e.kind === 'unix' ? process.umask(0o177) : undefined;
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      if (e.kind === 'unix') fs.chmodSync(e.path, 0o600);
      resolve();
    };
    if (e.kind === 'tcp') server.listen(e.port, e.host, done);
    else server.listen(e.path, done);
  }).finally(() => {
    if (umask !== undefined) process.umask(umask);
  });
}

async function close(server: net.Server, open: Set<net.Socket>, e: Endpoint): Promise<void> {
  for (const s of open) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (e.kind === 'unix') fs.rmSync(e.path, { force: true });
}
