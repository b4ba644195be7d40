import { InternalError } from '../../../core/src/errors.js';
import type { Supervised } from '../../../core/src/process/supervisor.js';
import type { TargetSettings } from '../settings.js';
import { ProcessBackedTransport } from '../runtime/process-backed.js';
import type { Channel, Transport, TransportEnv } from './transport.js';

/**
 * The old path: spawn the sidecar, speak on its stdin/stdout, keep its stderr. One channel
 * per process; "disconnect" closes stdin (the sidecar ends), so reconnecting means a restart.
 */
export function stdioTransport(settings: TargetSettings, env: TransportEnv): Transport {
  return new StdioTransport(settings, env);
}

class StdioTransport extends ProcessBackedTransport implements Transport {
  readonly connections = 'one' as const;
  private pending: Buffer | undefined;
  private channel: StdioChannel | undefined;

  constructor(settings: TargetSettings, env: TransportEnv) {
    super(settings, env, 'pipe');
  }

  get token(): undefined {
    return undefined;
  }

  async start(): Promise<void> {
    await this.target.ensureDataDir();
    const proc = this.target.spawn('pipe');
    // A target that cannot even read stdin (exited at once) must not crash us with EPIPE.
    proc.child.stdin!.on('error', () => {});
    this.pending = undefined;
    this.channel = undefined;
    const line = this.settings.ready.line;
    if (line) {
      const { rest } = await this.target.waitReadyLine(proc, line.stream, line.pattern);
      if (line.stream === 'stdout' && rest.length) this.pending = rest;
    }
    // The ready message and a ready command are protocol matters: the runner waits for them on the channel.
    proc.release();
  }

  async connect(): Promise<Channel> {
    const proc = this.target.process;
    if (!proc) throw new InternalError('stdio transport: connect() before start()');
    if (!proc.alive) throw proc.exitedError('connecting to it');
    if (this.channel) throw new InternalError('stdio transport: a stdio target has one channel; restart it for another');
    this.channel = new StdioChannel(proc, this.settings.label, this.pending);
    this.pending = undefined;
    return this.channel;
  }

  async restart(): Promise<void> {
    this.channel?.markClosed('restart');
    await this.target.process?.crash();
    await this.start();
  }

  async stop(): Promise<void> {
    this.channel?.markClosed('stop');
    try {
      await this.target.stopProcess();
    } finally {
      await this.target.removeDataDir();
    }
  }
}

class StdioChannel implements Channel {
  private closeHandlers: ((why: string) => void)[] = [];
  private closedWhy: string | undefined;

  constructor(
    private readonly proc: Supervised,
    readonly label: string,
    private pending: Buffer | undefined,
  ) {
    // stdout's close, not the process exit: data written just before exit is still in the pipe.
    proc.child.stdout!.once('close', () => this.markClosed(proc.exit ? `target ${proc.describeExit()}` : 'stdout closed'));
  }

  get closed(): boolean {
    return this.closedWhy !== undefined;
  }

  write(text: string): void {
    if (this.closed) return;
    this.proc.child.stdin!.write(text);
  }

  onData(cb: (chunk: Buffer) => void): void {
    const out = this.proc.child.stdout!;
    if (this.pending) {
      const p = this.pending;
      this.pending = undefined;
      queueMicrotask(() => cb(p));
    }
    out.on('data', cb);
    out.resume();
  }

  onClose(cb: (why: string) => void): void {
    if (this.closedWhy !== undefined) cb(this.closedWhy);
    else this.closeHandlers.push(cb);
  }

  end(): void {
    this.proc.child.stdin!.end();
  }

  destroy(): void {
    this.proc.child.stdin!.destroy();
    this.proc.child.stdout!.destroy();
    this.markClosed('destroyed');
  }

  markClosed(why: string): void {
    if (this.closedWhy !== undefined) return;
    this.closedWhy = why;
    for (const h of this.closeHandlers.splice(0)) h(why);
  }
}
