// Test client for the bundled Cowork example (examples/cowork). Imports nothing from
// cutover: these tests prove the reference app itself behaves as documented.
//
// Usage: `const sandbox = new ExampleSandbox(); afterEach(() => sandbox.cleanup());`
// then spawn sidecars/daemons and connect clients through the sandbox, which ends every
// process, closes every socket and removes every temp dir it handed out.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SIDECAR_DIR = path.join(REPO_ROOT, 'examples/cowork/src-sidecar');
export const SIDECAR_ENTRY = path.join(SIDECAR_DIR, 'dist/index.js');

const DEFAULT_WAIT_MS = 10_000;

// ---- build ---------------------------------------------------------------------------

/** Builds the sidecar if dist is missing or older than any source file. */
export function ensureSidecarBuilt(): string {
  if (isBuildFresh()) return SIDECAR_ENTRY;
  // Test files run in parallel workers: a lock dir makes one of them build, the rest wait.
  // It lives in dist/ (gitignored), and one older than a minute is a crashed build's.
  fs.mkdirSync(path.dirname(SIDECAR_ENTRY), { recursive: true });
  const lockDir = path.join(path.dirname(SIDECAR_ENTRY), '.build-lock');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      if (isBuildFresh()) return SIDECAR_ENTRY;
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out after 60000 ms waiting for another worker to build the sidecar (lock ${lockDir})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const tsc = path.join(REPO_ROOT, 'node_modules/.bin/tsc');
    const result = spawnSync(tsc, ['-p', path.join(SIDECAR_DIR, 'tsconfig.json')], { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`building the example sidecar failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  return SIDECAR_ENTRY;
}

function isBuildFresh(): boolean {
  if (!fs.existsSync(SIDECAR_ENTRY)) return false;
  const built = fs.statSync(SIDECAR_ENTRY).mtimeMs;
  const sources = fs.readdirSync(path.join(SIDECAR_DIR, 'src'), { recursive: true, encoding: 'utf8' });
  return sources.every((f) => fs.statSync(path.join(SIDECAR_DIR, 'src', f)).mtimeMs <= built);
}

// ---- wire ----------------------------------------------------------------------------

export interface WireEvent {
  type: string;
  sessionId?: string;
  data: any;
  seq?: number;
  timestamp?: string;
}

export interface WireResponse {
  id: string | number | null;
  success: boolean;
  result?: any;
  error?: string;
}

/** What both transports offer a test: requests, raw lines, and the pushed events. */
export interface WireClient {
  readonly events: WireEvent[];
  request(command: string, params?: Record<string, unknown>): Promise<WireResponse>;
  waitForEvent(what: string, match: (e: WireEvent) => boolean, timeoutMs?: number): Promise<WireEvent>;
}

/** Newline-JSON channel over any readable/writable pair (a child's stdio or a socket). */
class LineChannel implements WireClient {
  readonly events: WireEvent[] = [];
  readonly lines: string[] = [];
  readonly badLines: string[] = [];
  private readonly responses: WireResponse[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 0;
  private tail = '';
  private closed = false;

  constructor(
    input: Readable,
    private readonly output: Writable,
    private readonly decorate: (request: Record<string, unknown>) => void = () => {},
    private readonly label = 'sidecar',
  ) {
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      const parts = (this.tail + chunk).split('\n');
      this.tail = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) this.onLine(line);
      this.notify();
    });
    input.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  send(line: string): void {
    this.output.write(line.endsWith('\n') ? line : `${line}\n`);
  }

  async request(command: string, params?: Record<string, unknown>, timeoutMs = DEFAULT_WAIT_MS): Promise<WireResponse> {
    const id = `r${++this.nextId}`;
    const request: Record<string, unknown> = { id, command };
    if (params !== undefined) request.params = params;
    this.decorate(request);
    this.send(JSON.stringify(request));
    return this.waitForResponse(id, `the response to ${command} (id ${id})`, timeoutMs);
  }

  /** `id` null waits for the next response carrying id null (a malformed-line answer). */
  waitForResponse(id: string | null, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<WireResponse> {
    return this.waitUntil(what, timeoutMs, () => {
      const index = this.responses.findIndex((r) => r.id === id);
      return index === -1 ? undefined : this.responses.splice(index, 1)[0];
    });
  }

  waitForEvent(what: string, match: (e: WireEvent) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<WireEvent> {
    return this.waitUntil(what, timeoutMs, () => this.events.find(match));
  }

  waitUntil<T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value !== undefined) return finish(() => resolve(value));
        if (this.closed) finish(() => reject(new Error(`${this.label} closed the connection while waiting for ${what}`)));
      };
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(attempt);
        settle();
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} from ${this.label}`))),
        timeoutMs,
      );
      this.listeners.add(attempt);
      attempt();
    });
  }

  private onLine(line: string): void {
    this.lines.push(line);
    let message: any;
    try {
      message = JSON.parse(line);
    } catch {
      this.badLines.push(line); // tests assert this stays empty: stdout is protocol only
      return;
    }
    if ('success' in message) this.responses.push(message);
    else this.events.push(message);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

// ---- processes -----------------------------------------------------------------------

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

class SidecarProcess {
  stderr = '';
  readonly exited: Promise<Exit>;

  constructor(readonly child: ChildProcessWithoutNullStreams, readonly dataDir: string) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForExit(what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (pid ${this.pid}); stderr: ${this.stderr.slice(-1000)}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal and waits for the exit it causes. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = DEFAULT_WAIT_MS): Promise<Exit> {
    if (this.running) this.child.kill(signal);
    return this.waitForExit(`the sidecar to exit after ${signal}`, timeoutMs);
  }
}

/** The legacy path: a child spoken to over its stdin/stdout. */
export class StdioSidecar extends SidecarProcess {
  readonly channel: LineChannel;
  ready!: WireEvent;

  constructor(child: ChildProcessWithoutNullStreams, dataDir: string) {
    super(child, dataDir);
    this.channel = new LineChannel(child.stdout, child.stdin, undefined, `stdio sidecar ${child.pid}`);
  }

  /** Waits for the ready line, then sends initialize { appDataDir } as the app does (unless `initialize` is false). */
  async start(initialize = true): Promise<this> {
    await this.channel.waitUntil('the ready line on stdout', DEFAULT_WAIT_MS, () => this.channel.lines[0]);
    this.ready = JSON.parse(this.channel.lines[0]!);
    if (this.ready.type !== 'ready') throw new Error(`first stdout line is not the ready event: ${this.channel.lines[0]}`);
    // The ready line is not part of the agent's history; keep it out of `events`.
    this.channel.events.shift();
    if (initialize) {
      const r = await this.channel.request('initialize', { appDataDir: this.dataDir });
      if (!r.success) throw new Error(`initialize was refused: ${JSON.stringify(r)}; stderr: ${this.stderr}`);
    }
    return this;
  }

  closeStdin(): void {
    this.child.stdin.end();
  }
}

/** The new path: a daemon with a socket, a token file and a lock. */
export class Daemon extends SidecarProcess {
  ready!: { type: 'ready'; data: { socket: string; pid: number; transport: string; tokenFile: string } };
  private stdout = '';

  constructor(child: ChildProcessWithoutNullStreams, dataDir: string, private readonly sandbox: ExampleSandbox) {
    super(child, dataDir);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (this.stdout += d));
  }

  /** Waits for the ready line and then (unless `healthy` is false) for daemon_health to say ready. */
  async start(timeoutMs = DEFAULT_WAIT_MS, healthy = true): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes('\n')) {
      if (!this.running) {
        const exit = await this.exited;
        throw new Error(`daemon exited (code ${exit.code}) before printing its ready line; stderr: ${this.stderr}`);
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the daemon's ready line; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    this.ready = JSON.parse(this.stdout.split('\n')[0]!);
    // The line means it listens; its state may still be loading. A client asks daemon_health.
    if (healthy && this.running) await this.untilHealthy(Math.max(1, deadline - Date.now()));
    return this;
  }

  private async untilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const client = await this.connect();
    try {
      for (;;) {
        const r = await client.request('daemon_health');
        if (r.success && r.result?.ready === true) return;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for daemon_health to say ready; last answer ${JSON.stringify(r)}; stderr: ${this.stderr}`);
        await new Promise((res) => setTimeout(res, 20));
      }
    } finally {
      client.close();
    }
  }

  get file(): { socket: string; lock: string; token: string } {
    return {
      socket: path.join(this.dataDir, 'cowork.sock'),
      lock: path.join(this.dataDir, 'daemon.lock'),
      token: path.join(this.dataDir, 'auth.token'),
    };
  }

  token(): string {
    return fs.readFileSync(this.file.token, 'utf8').trim();
  }

  /** `token: null` sends no authToken at all; a string sends that exact value. */
  connect(options: { token?: string | null } = {}): Promise<DaemonClient> {
    const token = options.token === undefined ? this.token() : options.token;
    return this.sandbox.connect(this.ready.data.socket, token);
  }
}

export class DaemonClient extends LineChannel {
  constructor(readonly socket: net.Socket, token: string | null) {
    super(socket, socket, (request) => {
      if (token !== null) request.authToken = token;
    }, `daemon socket`);
  }

  close(): void {
    this.socket.destroy();
  }
}

// ---- sandbox -------------------------------------------------------------------------

export class ExampleSandbox {
  private readonly dirs: string[] = [];
  private readonly processes: SidecarProcess[] = [];
  private readonly sockets: net.Socket[] = [];
  private readonly servers: net.Server[] = [];

  constructor() {
    ensureSidecarBuilt();
  }

  async tempDir(): Promise<string> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cutover-test-'));
    this.dirs.push(dir);
    return dir;
  }

  /** A stdio sidecar, initialized with `dataDir` as the app's data dir (unless `initialize` is false). */
  async stdio(dataDir: string, options: { env?: NodeJS.ProcessEnv; args?: string[]; initialize?: boolean } = {}): Promise<StdioSidecar> {
    const child = this.spawnChild(options.args ?? [], options.env);
    return this.track(new StdioSidecar(child, dataDir)).start(options.initialize ?? true);
  }

  /** A daemon on `dataDir`, once its state is loaded (unless `healthy` is false: then as soon as it listens). */
  async daemon(dataDir: string, options: { env?: NodeJS.ProcessEnv; args?: string[]; healthy?: boolean } = {}): Promise<Daemon> {
    const child = this.spawnChild(['--daemon', '--data-dir', dataDir, ...(options.args ?? [])], options.env);
    return this.track(new Daemon(child, dataDir, this)).start(DEFAULT_WAIT_MS, options.healthy ?? true);
  }

  /** Runs the sidecar with these args to completion (for starts that must be refused). */
  async runToExit(args: string[], timeoutMs = DEFAULT_WAIT_MS): Promise<Exit & { stdout: string; stderr: string }> {
    const child = this.spawnChild(args);
    const proc = this.track(new SidecarProcess(child, ''));
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stdin.end();
    const exit = await proc.waitForExit(`node dist/index.js ${args.join(' ')} to exit`, timeoutMs);
    return { ...exit, stdout, stderr: proc.stderr };
  }

  async connect(address: string, token: string | null): Promise<DaemonClient> {
    const tcp = /^tcp:\/\/\[?([^\]]+?)\]?:(\d+)$/.exec(address);
    const socket = tcp ? net.connect(Number(tcp[2]), tcp[1]) : net.connect(address);
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${DEFAULT_WAIT_MS} ms connecting to ${address}`)), DEFAULT_WAIT_MS);
      socket.once('connect', () => (clearTimeout(timer), resolve()));
      socket.once('error', (err) => (clearTimeout(timer), reject(err)));
    });
    socket.on('error', () => {}); // a daemon killed by the test resets the connection
    return new DaemonClient(socket, token);
  }

  /** A plain server owned by the test (e.g. to occupy the socket path). */
  listen(socketPath: string): Promise<net.Server> {
    const server = net.createServer((s) => s.destroy());
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve(server));
    });
  }

  async cleanup(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.destroy();
    await Promise.all(this.servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    await Promise.all(
      this.processes.splice(0).map(async (proc) => {
        if (proc.running) proc.child.kill('SIGKILL');
        await proc.waitForExit('a sidecar to die after SIGKILL during cleanup', 5_000);
      }),
    );
    await Promise.all(this.dirs.splice(0).map((d) => fs.promises.rm(d, { recursive: true, force: true })));
  }

  private spawnChild(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
    // process.env carries CUTOVER_TEST_RUN, which the global setup uses to find leaks.
    return spawn(process.execPath, [SIDECAR_ENTRY, ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  private track<P extends SidecarProcess>(proc: P): P {
    this.processes.push(proc);
    return proc;
  }
}

// ---- comparison ----------------------------------------------------------------------

const ID = /\b(s|t|perm|q|tool|job|run)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const VOLATILE_KEYS = new Set(['pid', 'uptimeMs']);

/**
 * Replaces what legitimately differs between two runs: generated ids become `<s-1>`,
 * `<t-2>`… numbered by first appearance, ISO times `<time>`, pids and uptimes `<n>`.
 * One normalizer per transcript, so the same id maps to the same placeholder throughout.
 */
export function createNormalizer(): <T>(value: T) => T {
  const seen = new Map<string, string>();
  const counters = new Map<string, number>();
  // Ids are replaced wherever they occur, including inside messages ("unknown session: s-…").
  const placeholder = (text: string): string => {
    if (ISO_TIME.test(text)) return '<time>';
    return text.replace(ID, (id: string, prefix: string) => {
      if (!seen.has(id)) {
        const n = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, n);
        seen.set(id, `<${prefix}-${n}>`);
      }
      return seen.get(id)!;
    });
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (key !== undefined && VOLATILE_KEYS.has(key) && typeof value === 'number') return '<n>';
    if (typeof value === 'string') return placeholder(value);
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') {
      // Keys too: bootstrap's runtime map is keyed by session id.
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [placeholder(k), walk(v, k)]));
    }
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}

/** The legacy envelope of an event: what stdio carries and the daemon must agree with. */
export function withoutSequence(event: WireEvent): WireEvent {
  const { seq: _seq, timestamp: _timestamp, ...rest } = event;
  return rest;
}
