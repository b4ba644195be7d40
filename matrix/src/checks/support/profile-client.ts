import type net from 'node:net';
import { withTimeout } from '../../../../core/src/wait.js';
import type { FrameDecoder } from '../../../../harness/src/framing/framing.js';
import type { JsonObject, Profile } from '../../../../harness/src/profiles/profile.js';
import { getProfile } from '../../../../harness/src/profiles/registry.js';
import { describeEndpoint, parseEndpoint, tryConnect, type Endpoint } from '../../../../harness/src/runtime/endpoint.js';

export interface Answer {
  /** The whole response as it arrived. */
  msg: JsonObject;
  /** The profile's reading of it: success or error. */
  ok: boolean;
}

interface Pending {
  id: string | undefined;
  resolve: (a: Answer) => void;
  reject: (e: Error) => void;
}

const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/**
 * A client for one connection that speaks a harness protocol profile (its framing and envelope):
 * requests are built by the profile, answers matched by id, or in order when the protocol has no
 * ids (the control socket); events pass by. Enough to time a round trip or ask a daemon a
 * question during a lifecycle check; protocol comparison is the harness's job.
 */
export class ProfileClient {
  private readonly decoder: FrameDecoder;
  private readonly pending: Pending[] = [];
  private closedWith: Error | undefined;
  private next = 1;

  private constructor(
    private readonly socket: net.Socket,
    readonly profile: Profile,
    readonly label: string,
  ) {
    this.decoder = profile.framing.createDecoder(MAX_FRAME_BYTES);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(new Error(`${label}: ${err.message}`)));
    socket.on('close', () => this.fail(new Error(`${label} closed the connection`)));
  }

  /** Connects to a Unix socket path, a named pipe or tcp://127.0.0.1:PORT, speaking `profile` (a name). */
  static async connect(endpoint: string, profileName: string, timeoutMs: number): Promise<ProfileClient> {
    const profile = getProfile(profileName);
    const parsed: Endpoint = parseEndpoint(endpoint, 'endpoint');
    const label = describeEndpoint(parsed);
    const r = await withTimeout(tryConnect(parsed), { what: `a connection to ${label}`, timeoutMs, hint: 'Check that the daemon is running and listens there.' });
    if ('error' in r) throw new Error(`cannot connect to ${label}: ${r.error.code ?? r.error.message}`);
    return new ProfileClient(r.socket, profile, label);
  }

  /** Sends one request; resolves with its answer. `extra` fields (the auth token) are added to the wire message. */
  request(command: string, params: JsonObject | undefined, timeoutMs: number, extra: JsonObject = {}): Promise<Answer> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.profile.correlation === 'id' ? `cutover-${this.next++}` : undefined;
    const wire = { ...this.profile.request({ ...(id === undefined ? {} : { id }), command, ...(params ? { params } : {}) }), ...extra };
    const answered = new Promise<Answer>((resolve, reject) => this.pending.push({ id, resolve, reject }));
    this.socket.write(this.profile.framing.encode(JSON.stringify(wire)));
    return withTimeout(answered, { what: `the answer to ${command} from ${this.label}`, timeoutMs, hint: 'The daemon took too long or never answered.' }).catch((e: unknown) => {
      const i = this.pending.findIndex((p) => p.id === id);
      if (i >= 0) this.pending.splice(i, 1);
      throw e;
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let frames: string[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      return this.fail(new Error(`${this.label} broke the ${this.profile.framing.name} framing: ${(e as Error).message}`));
    }
    for (const text of frames) {
      let msg: unknown;
      try {
        msg = JSON.parse(text);
      } catch {
        return this.fail(new Error(`${this.label} sent something that is not JSON: ${JSON.stringify(text.slice(0, 200))}`));
      }
      const c = this.profile.classify(msg);
      if (c.kind !== 'response') continue;
      const i = c.id === null || this.profile.correlation === 'order' ? 0 : this.pending.findIndex((p) => p.id === String(c.id));
      const p = i >= 0 ? this.pending.splice(i, 1)[0] : undefined;
      p?.resolve({ msg: msg as JsonObject, ok: c.ok });
    }
  }

  private fail(e: Error): void {
    this.closedWith ??= e;
    for (const p of this.pending.splice(0)) p.reject(this.closedWith);
    this.socket.destroy();
  }
}
