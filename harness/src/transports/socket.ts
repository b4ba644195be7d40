import fs from 'node:fs';
import type net from 'node:net';
import { ConfigError, InternalError, TransportError } from '../../../core/src/errors.js';
import { describeEndpoint, parseEndpoint, tryConnect, type Endpoint } from '../runtime/endpoint.js';
import { sleep } from '../../../core/src/wait.js';
import { expand, expandPath, type TargetSettings } from '../settings.js';
import { getPath } from '../compare/json-path.js';
import { ProcessBackedTransport } from '../runtime/process-backed.js';
import type { Channel, Transport, TransportEnv } from './transport.js';
import { clip } from '../../../core/src/redact/text.js';

/**
 * The new path: optionally start the daemon (detached, in its own process group), wait
 * until its Unix socket / named pipe / loopback port accepts, and open as many
 * connections as a scenario wants. Restart is kill -9 on the group and start again.
 */
export function socketTransport(settings: TargetSettings, env: TransportEnv): Transport {
  return new SocketTransport(settings, env);
}

class SocketTransport extends ProcessBackedTransport implements Transport {
  readonly connections = 'many' as const;
  private endpoint: Endpoint | undefined;
  private currentToken: string | undefined;
  private readonly open = new Set<SocketChannel>();
  private connectCount = 0;

  constructor(settings: TargetSettings, env: TransportEnv) {
    super(settings, env, 'ignore');
  }

  get token(): string | undefined {
    return this.currentToken;
  }

  describe(): string {
    return this.endpoint ? describeEndpoint(this.endpoint) : (this.settings.endpoint ?? '(endpoint from the ready line)');
  }

  async start(): Promise<void> {
    await this.target.ensureDataDir();
    const s = this.settings;
    const where = `harness.${s.role}`;
    let fromReady: string | undefined;
    if (s.command) {
      const proc = this.target.spawn('ignore');
      const ready = s.ready.line;
      if (ready) {
        const { line } = await this.target.waitReadyLine(proc, ready.stream, ready.pattern);
        proc.child.stdout!.resume();
        if (ready.endpoint) fromReady = endpointFromLine(line, ready.endpoint, where);
      }
    } else if (s.ready.line) {
      throw new ConfigError(`${where}.ready watches the daemon's output, but ${where}.command is not set`, { hint: 'Set command, or drop ready.' });
    }
    const raw = fromReady ?? s.endpoint!;
    const value = raw.startsWith('tcp://') || /^\\\\/.test(raw) ? expand(raw, this.target.vars(), `${where}.endpoint`) : expandPath(raw, this.target.vars(), `${where}.endpoint`);
    this.endpoint = parseEndpoint(value, `${where}.endpoint`);
    await this.waitAccepting();
    // Ready: its token file has been read, so its held stderr can be logged redacted.
    this.target.process?.release();
  }

  private async waitAccepting(): Promise<void> {
    const endpoint = this.endpoint!;
    const limit = this.settings.ready.timeoutMs;
    const deadline = Date.now() + limit;
    let lastError = 'no attempt yet';
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      const failed = this.failure();
      if (failed) throw this.target.process!.exitedError(`waiting for ${describeEndpoint(endpoint)} to accept connections`);
      const r = await tryConnect(endpoint);
      if ('socket' in r) {
        r.socket.destroy();
        return;
      }
      lastError = r.error.code ?? r.error.message;
      if (Date.now() + delay > deadline) break;
      await sleep(delay);
    }
    throw new TransportError(
      `timed out after ${limit} ms waiting for ${this.settings.label} to accept connections on ${describeEndpoint(endpoint)} (last attempt: ${lastError})`,
      { stderrTail: this.stderrTail(), hint: `Check harness.${this.settings.role}.endpoint and that the daemon listens there; raise harness.${this.settings.role}.ready.timeoutMs (or harness.timeouts.readyMs) if it is only slow.` },
    );
  }

  async connect(): Promise<Channel> {
    if (!this.endpoint) throw new InternalError('socket transport: connect() before start()');
    const failed = this.failure();
    if (failed) throw failed;
    this.currentToken = await this.target.readToken();
    const r = await tryConnect(this.endpoint);
    if ('error' in r) {
      throw new TransportError(`cannot connect to ${this.settings.label} at ${describeEndpoint(this.endpoint)}: ${r.error.code ?? r.error.message}`, {
        stderrTail: this.stderrTail(),
      });
    }
    const channel = new SocketChannel(r.socket, `${this.settings.label} connection ${++this.connectCount}`);
    this.open.add(channel);
    channel.onClose(() => this.open.delete(channel));
    return channel;
  }

  async restart(): Promise<void> {
    const proc = this.target.process;
    if (!proc) {
      throw new ConfigError(`${this.settings.label}: cannot restart a daemon cutover did not start`, { hint: `Set harness.${this.settings.role}.command so cutover starts it.` });
    }
    for (const c of [...this.open]) c.destroy();
    await proc.crash();
    await this.start();
  }

  async stop(): Promise<void> {
    for (const c of [...this.open]) c.destroy();
    const started = this.target.process;
    try {
      await this.target.stopProcess();
      // A daemon killed before it could clean up leaves its socket file; ours to remove.
      if (started && this.endpoint?.kind === 'unix') fs.rmSync(this.endpoint.path, { force: true });
    } finally {
      await this.target.removeDataDir();
    }
  }
}

function endpointFromLine(line: string, jsonPath: string, where: string): string {
  let value: unknown;
  try {
    value = getPath(JSON.parse(line), jsonPath);
  } catch {
    throw new TransportError(`${where}: the ready line is not JSON, so ready.endpoint (${jsonPath}) cannot be read from it: ${clip(line, 200)}`);
  }
  if (typeof value !== 'string') throw new TransportError(`${where}: the ready line has no string at ${jsonPath}: ${clip(line, 200)}`);
  return value;
}

class SocketChannel implements Channel {
  private closedWhy: string | undefined;
  private readonly closeHandlers: ((why: string) => void)[] = [];

  constructor(
    private readonly socket: net.Socket,
    readonly label: string,
  ) {
    socket.setNoDelay(true);
    // A reset from the daemon is a close like any other; the client reports what it was waiting for.
    socket.on('error', (e: NodeJS.ErrnoException) => this.markClosed(`connection error ${e.code ?? e.message}`));
    socket.on('close', () => this.markClosed('connection closed by the target'));
  }

  get closed(): boolean {
    return this.closedWhy !== undefined;
  }

  write(text: string): void {
    if (!this.closed && this.socket.writable) this.socket.write(text);
  }

  onData(cb: (chunk: Buffer) => void): void {
    this.socket.on('data', cb);
  }

  onClose(cb: (why: string) => void): void {
    if (this.closedWhy !== undefined) cb(this.closedWhy);
    else this.closeHandlers.push(cb);
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
    this.markClosed('closed by the harness');
  }

  private markClosed(why: string): void {
    if (this.closedWhy !== undefined) return;
    this.closedWhy = why;
    for (const h of this.closeHandlers.splice(0)) h(why);
  }
}
