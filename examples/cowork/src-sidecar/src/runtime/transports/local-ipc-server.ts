// The daemon path: many clients over a Unix socket, a Windows named pipe, or loopback
// tcp. Every request must carry the token from auth.token; a connection gets pushed
// events only once it has proven it holds the token.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { handleRequest } from '../../ipc-handler.js';
import { log } from '../../log.js';
import type { AgentEvent } from '../../types.js';
import type { Runtime } from '../bootstrap.js';
import type { ReadyInfo, Transport } from '../transport.js';
import { encodeLine, LineSplitter, lineTooLong, MAX_LINE_LENGTH, parseRequestLine } from '../protocol.js';

export type Endpoint = { kind: 'unix' | 'pipe'; path: string } | { kind: 'tcp'; host: string; port: number };

// A client this far behind is not reading; dropping it bounds our memory, and it can
// reconnect and catch up with agent_get_events_since.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

interface Connection {
  socket: net.Socket;
  subscribed: boolean;
}

export class LocalIpcServer implements Transport {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly connections = new Set<Connection>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly token: string,
  ) {}

  async start(): Promise<ReadyInfo> {
    // umask 0177 while binding: the socket file is never, even briefly, connectable by
    // other users before the chmod below.
    const previousUmask = this.endpoint.kind === 'unix' ? process.umask(0o177) : null;
    try {
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        const onListening = () => {
          this.server.off('error', reject);
          resolve();
        };
        if (this.endpoint.kind === 'tcp') this.server.listen(this.endpoint.port, this.endpoint.host, onListening);
        else this.server.listen(this.endpoint.path, onListening);
      });
    } finally {
      if (previousUmask !== null) process.umask(previousUmask);
    }
    if (this.endpoint.kind === 'unix') fs.chmodSync(this.endpoint.path, 0o600);
    this.server.on('error', (err) => log(`server error: ${err.message}`));
    return { socket: this.address(), transport: this.endpoint.kind };
  }

  /** The state loaded after the socket was bound: its events reach subscribed clients from now on. */
  attach(rt: Runtime): void {
    this.unsubscribe = rt.events.addSink((event) => this.broadcast(event));
  }

  /** What clients connect to; for tcp with port 0 this is the port actually bound. */
  address(): string {
    if (this.endpoint.kind !== 'tcp') return this.endpoint.path;
    const bound = this.server.address() as net.AddressInfo;
    const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    return `tcp://${host}:${bound.port}`;
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const conn of this.connections) conn.socket.destroy();
    await closed;
  }

  private accept(socket: net.Socket): void {
    const conn: Connection = { socket, subscribed: false };
    this.connections.add(conn);
    const splitter = new LineSplitter(MAX_LINE_LENGTH);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      const { lines, overflow } = splitter.push(chunk);
      for (const line of lines) void this.onLine(conn, line);
      if (overflow) {
        this.send(conn, lineTooLong());
        socket.end();
      }
    });
    // ECONNRESET / EPIPE from a client that vanished mid-stream is its problem, not ours.
    socket.on('error', () => {});
    socket.on('close', () => this.connections.delete(conn));
  }

  private async onLine(conn: Connection, line: string): Promise<void> {
    const parsed = parseRequestLine(line);
    if (!parsed.ok) return this.send(conn, parsed.response);
    const { request } = parsed;
    if (!this.authorized(request.authToken)) {
      return this.send(conn, { id: request.id, success: false, error: 'unauthorized' });
    }
    conn.subscribed = true;
    const response = await handleRequest(request, { subscribe: () => (conn.subscribed = true) });
    this.send(conn, response);
  }

  private authorized(candidate: string | undefined): boolean {
    if (typeof candidate !== 'string') return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    // Constant-time compare: response timing must not leak how much of a guess was right.
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }

  private broadcast(event: AgentEvent): void {
    for (const conn of this.connections) if (conn.subscribed) this.send(conn, event);
  }

  private send(conn: Connection, message: unknown): void {
    const { socket } = conn;
    if (socket.destroyed || !socket.writable) return;
    socket.write(encodeLine(message));
    if (socket.writableLength > MAX_BUFFERED_BYTES) {
      log(`dropping a client that stopped reading (${socket.writableLength} bytes queued)`);
      socket.destroy();
    }
  }
}
