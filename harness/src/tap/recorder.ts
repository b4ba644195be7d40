import { registerSecret } from '../../../core/src/redact/registry.js';
import type { FrameDecoder } from '../framing/framing.js';
import { isObject, type Profile } from '../profiles/profile.js';
import type { BodyLine } from '../trace/types.js';
import { learnSecrets } from '../../../core/src/redact/learn.js';

interface Conn {
  name: string;
  fromClient: FrameDecoder;
  fromServer: FrameDecoder;
}

/**
 * Writes down what went over the wire while a tap passes it on, in arrival order: each frame the
 * client sent as a request (or, when it is not one, a raw line), each frame the server sent as a
 * response, event or message. It only reads copies of the bytes; what is passed on is never
 * touched. A frame it cannot read is counted, never fatal: the tap must not break the app.
 */
export class TapRecorder {
  readonly lines: BodyLine[] = [];
  /** Frames that could not be framed or parsed, for the closing note. */
  unreadable = 0;
  private readonly conns = new Map<string, Conn>();
  private opened = 0;

  constructor(
    private readonly profile: Profile,
    private readonly maxFrameBytes: number,
    /** The request field a token travels in: its value is learnt as a secret, never written down. */
    private readonly tokenField = 'authToken',
  ) {}

  /** A client connected: the first is `main`, later ones `conn2`, `conn3`, … (with a connect step). */
  open(): string {
    const name = ++this.opened === 1 ? 'main' : `conn${this.opened}`;
    const framing = this.profile.framing;
    this.conns.set(name, { name, fromClient: framing.createDecoder(this.maxFrameBytes), fromServer: framing.createDecoder(this.maxFrameBytes) });
    if (name !== 'main') this.lines.push({ type: 'control', op: 'connect', conn: name });
    return name;
  }

  close(name: string): void {
    const c = this.conns.get(name);
    if (!c) return;
    this.leftover(c);
    this.conns.delete(name);
    this.lines.push({ type: 'control', op: 'disconnect', conn: name });
  }

  /** The tap ended: bytes still waiting for the end of a frame never made one (a wrong profile reads a whole stream as one frame). */
  finish(): void {
    for (const c of this.conns.values()) this.leftover(c);
    this.conns.clear();
  }

  private leftover(c: Conn): void {
    for (const side of ['fromClient', 'fromServer'] as const) if (c[side].buffered > 0) this.unreadable++;
  }

  fromClient(name: string, chunk: Buffer): void {
    for (const text of this.frames(name, 'fromClient', chunk)) this.request(name, text);
  }

  fromServer(name: string, chunk: Buffer): void {
    for (const text of this.frames(name, 'fromServer', chunk)) this.observation(name, text);
  }

  private frames(name: string, side: 'fromClient' | 'fromServer', chunk: Buffer): string[] {
    const c = this.conns.get(name);
    if (!c) return [];
    try {
      return c[side].push(chunk);
    } catch {
      // Past the frame limit or out of framing: this direction is no longer read, only passed on.
      this.unreadable++;
      c[side] = { push: () => [], buffered: 0 };
      return [];
    }
  }

  private request(conn: string, text: string): void {
    const msg = parse(text);
    const spec = isObject(msg) ? this.profile.parseRequest(msg) : undefined;
    if (isObject(msg) && typeof msg[this.tokenField] === 'string') registerSecret(msg[this.tokenField] as string);
    if (!spec) {
      this.lines.push({ type: 'raw', conn, text });
      return;
    }
    this.lines.push({ type: 'request', conn, ...(spec.id === undefined ? {} : { id: spec.id }), command: spec.command, ...(spec.params ? { params: spec.params } : {}) });
  }

  private observation(conn: string, text: string): void {
    const msg = parse(text);
    if (msg === undefined) {
      this.unreadable++;
      return;
    }
    const c = this.profile.classify(msg);
    // Not recorded, but a token in it is a secret wherever the app echoes it later.
    if (c.kind === 'ready') return learnSecrets(msg, 'learnt');
    this.lines.push({ type: c.kind === 'response' ? 'response' : c.kind === 'event' ? 'event' : 'message', conn, message: msg });
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
