import { TransportError } from '../../core/src/errors.js';
import { FrameTooLargeError, formatBytes, type FrameDecoder } from './framing/framing.js';
import type { Incoming, JsonObject, Profile, RequestId, RequestSpec } from './profiles/profile.js';
import { settlesWithin, sleep, withTimeout } from '../../core/src/wait.js';
import { MAX_JSON_DEPTH, jsonDepthOver } from '../../core/src/util/json-depth.js';
import type { Channel, Transport } from './transports/transport.js';
import { clip } from '../../core/src/redact/text.js';
import { learnSecrets } from '../../core/src/redact/learn.js';

/** One message from the target, as it arrived. */
export interface Received {
  /** Connection label (`main`, `main#2`, `second`). */
  conn: string;
  kind: Incoming['kind'];
  msg: unknown;
  id?: RequestId | null;
  ok?: boolean;
  type?: string;
  /** Arrival order on this connection. */
  index: number;
}

export interface ClientOptions {
  conn: string;
  transport: Transport;
  profile: Profile;
  responseMs: number;
  maxFrameBytes: number;
  /** Sees every request sent (before the token is added) and every message received. */
  onSend?: (conn: string, msg: JsonObject | string) => void;
  /** `text` is the frame the message was parsed from. */
  onReceive?: (r: Received, text: string) => void;
}

interface Waiter {
  pred: (r: Received) => boolean;
  resolve: (r: Received) => void;
  reject: (e: Error) => void;
}

/**
 * Speaks a profile over a channel: frames and parses what arrives, matches responses to
 * requests, adds the auth token, and fails every wait at once (with the target's stderr)
 * when the connection breaks, the target dies or sends something it must not.
 */
export class Client {
  readonly received: Received[] = [];
  private readonly decoder: FrameDecoder;
  private readonly waiters = new Set<Waiter>();
  private readonly byId = new Map<RequestId, Waiter>();
  private readonly inOrder: Waiter[] = [];
  private failure: Error | undefined;
  private closedWhy: string | undefined;
  private nextId = 1;

  constructor(
    readonly channel: Channel,
    private readonly opts: ClientOptions,
  ) {
    this.decoder = opts.profile.framing.createDecoder(opts.maxFrameBytes);
    channel.onData((chunk) => this.onData(chunk));
    channel.onClose((why) => this.onClose(why));
  }

  get conn(): string {
    return this.opts.conn;
  }

  get closed(): boolean {
    return this.closedWhy !== undefined;
  }

  /** Sends a request and resolves with its response. */
  request(spec: RequestSpec, timeoutMs = this.opts.responseMs): Promise<Received> {
    if (this.closedWhy !== undefined) return Promise.reject(this.closedError(`sending ${spec.command}`));
    const { profile } = this.opts;
    const id = profile.correlation === 'id' ? (spec.id ?? `c${this.nextId++}`) : undefined;
    const msg = profile.request({ ...spec, ...(id === undefined ? {} : { id }) });
    const answered = new Promise<Received>((resolve, reject) => {
      const w: Waiter = { pred: () => false, resolve, reject };
      if (id !== undefined) this.byId.set(id, w);
      else this.inOrder.push(w);
      this.waiters.add(w);
    });
    this.send(msg);
    return this.limit(answered, `the response to ${spec.command}${id === undefined ? '' : ` (id ${JSON.stringify(id)})`}`, timeoutMs);
  }

  /** Sends a request without waiting for the answer. */
  send(msg: JsonObject): void {
    if (this.failure) throw this.failure;
    this.opts.onSend?.(this.opts.conn, msg);
    const token = this.opts.transport.token;
    const field = this.opts.transport.settings.token?.field;
    const wire = token && field ? { ...msg, [field]: token } : msg;
    this.channel.write(this.opts.profile.framing.encode(JSON.stringify(wire)));
  }

  /** Writes text as one frame, as is: a malformed line, a request without a token. */
  sendRaw(text: string): void {
    if (this.failure) throw this.failure;
    this.opts.onSend?.(this.opts.conn, text);
    this.channel.write(this.opts.profile.framing.encode(text));
  }

  /** Resolves with the first message (from `fromIndex` on) that matches. */
  waitFor(pred: (r: Received) => boolean, what: string, timeoutMs: number, fromIndex = 0): Promise<Received> {
    for (let i = fromIndex; i < this.received.length; i++) if (pred(this.received[i]!)) return Promise.resolve(this.received[i]!);
    const found = new Promise<Received>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (this.closedWhy !== undefined) return reject(this.closedError(`waiting for ${what}`));
      this.waiters.add({ pred, resolve, reject });
    });
    return this.limit(found, what, timeoutMs);
  }

  /** Waits for the profile's ready message (stdio targets announce themselves). */
  ready(timeoutMs: number): Promise<Received> {
    return this.waitFor((r) => r.kind === 'ready', `the ready message of ${this.opts.transport.settings.label}`, timeoutMs);
  }

  /** Resolves once nothing has arrived for `quietMs` (bounded by `limitMs`). */
  async settle(quietMs: number, limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    let count = -1;
    while (count !== this.received.length && Date.now() < deadline) {
      count = this.received.length;
      await sleep(quietMs);
      if (this.failure && !this.closed) throw this.failure;
    }
  }

  end(): void {
    this.channel.end();
  }

  destroy(): void {
    this.channel.destroy();
  }

  private limit<T>(p: Promise<T>, what: string, timeoutMs: number): Promise<T> {
    return withTimeout(p, {
      what: `${what} from ${this.opts.transport.settings.label} on connection ${this.opts.conn}`,
      timeoutMs,
      stderrTail: () => this.opts.transport.stderrTail(),
    });
  }

  private onData(chunk: Buffer): void {
    if (this.failure) return;
    let frames: string[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      const detail =
        e instanceof FrameTooLargeError
          ? `sent a message longer than ${formatBytes(e.limit)} (harness.maxFrameBytes)`
          : `broke the ${this.opts.profile.framing.name} framing: ${(e as Error).message}`;
      return this.fail(`${this.opts.transport.settings.label} ${detail}`, 'Check what the target writes to this stream; only protocol messages belong there.');
    }
    for (const text of frames) {
      if (jsonDepthOver(text)) {
        return this.fail(
          `${this.opts.transport.settings.label} sent a message nested deeper than ${MAX_JSON_DEPTH} levels on connection ${this.opts.conn}; cutover does not compare it`,
          'No protocol message nests that deep: check what the target builds for this answer.',
        );
      }
      let msg: unknown;
      try {
        msg = JSON.parse(text);
      } catch {
        const shown = clip(text, 200);
        return this.fail(
          `${this.opts.transport.settings.label} wrote something that is not JSON on connection ${this.opts.conn}: ${JSON.stringify(shown)}`,
          'Only protocol messages belong on this stream; diagnostics go to stderr.',
        );
      }
      this.dispatch(msg, text);
    }
  }

  private dispatch(msg: unknown, text: string): void {
    const c = this.opts.profile.classify(msg);
    // The ready message is never recorded, so a token it carries is learnt here, before the
    // output held until ready is let go and before anything can echo it.
    if (c.kind === 'ready') learnSecrets(msg, 'learnt');
    const r: Received = { conn: this.opts.conn, kind: c.kind, msg, index: this.received.length };
    if (c.kind === 'response') {
      r.id = c.id;
      r.ok = c.ok;
    } else if (c.kind === 'event') r.type = c.type;
    this.received.push(r);
    this.opts.onReceive?.(r, text);
    if (c.kind === 'response') {
      const w = c.id !== null && this.byId.get(c.id) ? this.byId.get(c.id) : c.id === null || this.opts.profile.correlation === 'order' ? this.inOrder.shift() : undefined;
      if (w) {
        if (c.id !== null) this.byId.delete(c.id);
        this.waiters.delete(w);
        w.resolve(r);
      }
    }
    for (const w of this.waiters) {
      if (w.pred(r)) {
        this.waiters.delete(w);
        w.resolve(r);
      }
    }
  }

  private onClose(why: string): void {
    this.closedWhy = why;
    if (this.waiters.size === 0) return;
    // The pipe often closes a moment before the exit is reported; give the exit a moment so the
    // error can say "exited with code 7" rather than only "closed".
    const proc = this.opts.transport.process;
    const exited = proc?.alive ? settlesWithin(proc.exited, 1000) : Promise.resolve(true);
    void exited.then(() => {
      const failed = this.opts.transport.failure();
      this.rejectAll(
        failed ??
          new TransportError(`connection ${this.opts.conn} to ${this.opts.transport.settings.label} closed (${why}) while a response or event was awaited`, {
            stderrTail: this.opts.transport.stderrTail(),
          }),
      );
    });
  }

  private closedError(doing: string): Error {
    return (
      this.opts.transport.failure() ??
      new TransportError(`connection ${this.opts.conn} to ${this.opts.transport.settings.label} is closed (${this.closedWhy}), ${doing}`, { stderrTail: this.opts.transport.stderrTail() })
    );
  }

  private fail(message: string, hint: string): void {
    this.failure = new TransportError(message, { stderrTail: this.opts.transport.stderrTail(), hint });
    this.channel.destroy();
    this.rejectAll(this.failure);
  }

  private rejectAll(e: Error): void {
    for (const w of this.waiters) w.reject(e);
    this.waiters.clear();
    this.byId.clear();
    this.inOrder.length = 0;
  }

  /** The protocol failure that ended this connection, if any. */
  get error(): Error | undefined {
    return this.failure;
  }
}
