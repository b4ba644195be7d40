import { ConfigError } from '../../../core/src/errors.js';
import { Client, type Received } from '../client.js';
import type { JsonObject, Profile, RequestId } from '../profiles/profile.js';
import { sleep } from '../../../core/src/wait.js';
import { hasTemplate, resolveTemplate, TemplateError } from '../scenario/template.js';
import type { ScenarioStep } from '../scenario/types.js';
import type { Timeouts } from '../settings.js';
import { hasSecretRef, resolveSecretRefs } from '../trace/secret-refs.js';
import type { BodyLine, ControlLine, StepLine } from '../trace/types.js';
import type { Transport } from '../transports/transport.js';
import { matchesSubset } from './subset.js';
import { pollReadyCommand, runSetup } from './prepare-target.js';
import { followRenames } from './follow-renames.js';
import { learnSecrets } from '../../../core/src/redact/learn.js';

export interface RunnerOptions {
  transport: Transport;
  profile: Profile;
  timeouts: Timeouts;
  maxFrameBytes: number;
  /** Where a step came from, for error messages: "scenarios/basic.yaml". */
  source: string;
  onProgress?: (line: string) => void;
  /** Sees every line as it is written down (a replay compares messages as they come); `text` is a message's frame. */
  onLine?: (line: BodyLine, text?: string) => void;
  /** The value of a `{"$secret": NAME}` in params: put in as the request leaves, never written down. */
  secret?: (name: string, where: string) => string;
  /** A replay's golden answers by `as` name, so a reference can follow a field the new path renamed. */
  golden?: ReadonlyMap<string, unknown>;
}

/**
 * Runs steps against one target and writes down the whole exchange in arrival order:
 * each step as it is taken, each message as it arrives. Record and replay both run
 * through here, so the two sides of a comparison are produced the same way.
 */
export class Runner {
  readonly lines: BodyLine[] = [];
  readonly bindings = new Map<string, unknown>();
  private readonly clients = new Map<string, Client>();
  private readonly generations = new Map<string, number>();
  private readonly marks = new Map<string, number>();
  private readonly setupIds = new Set<RequestId>();
  private nextId = 1;
  private endedByScenario = false;
  /** The target was (re)started and its ready command has not answered yet. */
  private readyPending = true;

  /** Sees every line as it is written down. */
  onLine: ((line: BodyLine, text?: string) => void) | undefined;

  constructor(private readonly o: RunnerOptions) {
    this.onLine = o.onLine;
  }

  get transport(): Transport {
    return this.o.transport;
  }

  get timeouts(): Timeouts {
    return this.o.timeouts;
  }

  client(conn = 'main'): Client {
    const c = this.clients.get(conn);
    if (!c) throw new ConfigError(`${this.o.source}: no open connection "${conn}" (connect or reconnect it first)`);
    return c;
  }

  async start(): Promise<void> {
    await this.o.transport.start();
    await this.open('main');
  }

  /** Opens a connection under a logical name; after the first, its label gets #2, #3, … */
  async open(conn: string): Promise<Client> {
    const gen = (this.generations.get(conn) ?? 0) + 1;
    this.generations.set(conn, gen);
    const label = gen === 1 ? conn : `${conn}#${gen}`;
    const channel = await this.o.transport.connect();
    let recording = false;
    const client: Client = new Client(channel, {
      conn: label,
      transport: this.o.transport,
      profile: this.o.profile,
      responseMs: this.o.timeouts.responseMs,
      maxFrameBytes: this.o.maxFrameBytes,
      onReceive: (r, text) => {
        if (recording) this.observe(r, text);
      },
    });
    this.clients.set(conn, client);
    const { ready } = this.o.transport.settings;
    if (ready.message) await client.ready(ready.timeoutMs);
    const env = { transport: this.o.transport, unrecorded: this.setupIds, withSecrets: (p: JsonObject, w: string) => this.withSecrets(p, w), responseMs: this.o.timeouts.responseMs };
    // Once per start: a daemon that was ready stays ready for its next connections.
    if (ready.command && this.readyPending) await pollReadyCommand(client, gen, env);
    this.readyPending = false;
    await runSetup(client, gen, env);
    recording = true;
    this.marks.set(conn, client.received.length);
    return client;
  }

  /** The params as they go on the wire: each `{"$secret": NAME}` replaced by its value. */
  withSecrets(params: JsonObject, where: string): JsonObject {
    if (!hasSecretRef(params)) return params;
    const secret = this.o.secret;
    if (!secret) throw new ConfigError(`${where}: the params name a secret ({"$secret": …}), but no secret source was given to the runner`);
    return resolveSecretRefs(params, (name) => secret(name, where));
  }

  private observe(r: Received, text: string): void {
    if (r.kind === 'ready') return;
    // A setup step's answer is not recorded either: a token it hands out is learnt all the same.
    if (r.kind === 'response' && r.id !== undefined && r.id !== null && this.setupIds.has(r.id)) return learnSecrets(r.msg, 'learnt');
    const type = r.kind === 'response' ? 'response' : r.kind === 'event' ? 'event' : 'message';
    this.push({ type, conn: r.conn, message: r.msg }, text);
  }

  private push(line: BodyLine, text?: string): void {
    this.lines.push(line);
    this.onLine?.(line, text);
  }

  async runAll(steps: readonly (ScenarioStep | StepLine)[]): Promise<void> {
    for (const step of steps) await this.exec(step);
  }

  async exec(step: ScenarioStep | StepLine): Promise<void> {
    const conn = logical(step.type === 'control' ? (step.conn ?? 'main') : step.conn);
    const at = 'sourceLine' in step && step.sourceLine ? `${this.o.source}:${step.sourceLine}` : this.o.source;
    switch (step.type) {
      case 'request': {
        const client = this.client(conn);
        let params = step.params;
        let template = 'template' in step ? step.template : undefined;
        if (!template && hasTemplate(params)) template = params;
        if (template) {
          try {
            params = this.resolve(template, at);
          } catch (e) {
            if (!(e instanceof TemplateError)) throw e;
            // A recorded step whose reference the new path did not answer (it refused the request that
            // bound it): sent as recorded, so the comparison shows that answer, not a broken trace.
            if (!('template' in step && step.template && step.params)) throw new ConfigError(`${at}: ${e.message}`);
            this.o.onProgress?.(`${at}: ${e.message}; sending the params as recorded`);
            params = step.params;
          }
        }
        const id = this.o.profile.correlation === 'id' ? ('id' in step && step.id !== undefined ? step.id : String(this.nextId++)) : undefined;
        this.push({ type: 'request', conn: client.conn, ...(id === undefined ? {} : { id }), command: step.command, ...(params ? { params } : {}), ...(template ? { template } : {}), ...(step.as ? { as: step.as } : {}), ...(step.breaksContract ? { breaksContract: true } : {}) });
        this.marks.set(conn, client.received.length);
        const r = await client.request({ ...(id === undefined ? {} : { id }), command: step.command, ...(params ? { params: this.withSecrets(params as JsonObject, at) } : {}) });
        if (step.as) this.bindings.set(step.as, r.msg);
        return;
      }
      case 'raw': {
        const client = this.client(conn);
        this.push({ type: 'raw', conn: client.conn, text: step.text });
        this.marks.set(conn, client.received.length);
        client.sendRaw(step.text);
        return;
      }
      case 'control':
        return this.control(step, conn, at);
    }
  }

  /** A template resolved against the answers so far; in a replay, following a field the new path renamed. */
  private resolve(template: JsonObject, at: string): JsonObject {
    try {
      return resolveTemplate(template, this.bindings);
    } catch (e) {
      const followed = e instanceof TemplateError && this.o.golden ? followRenames(template, this.bindings, this.o.golden) : undefined;
      if (!followed) throw e;
      this.o.onProgress?.(`${at}: the new path renamed a field this request refers to; reading ${followed.renamed.join(', ')}`);
      return resolveTemplate(followed.template as JsonObject, this.bindings);
    }
  }

  private async control(step: ControlLine, conn: string, at: string): Promise<void> {
    const { sourceLine: _s, ...line } = step as ControlLine & { sourceLine?: number };
    switch (step.op) {
      case 'connect': {
        if (this.o.transport.connections === 'one') throw this.unsupported(at, 'open a second connection');
        this.push({ ...line, conn });
        await this.open(conn);
        return;
      }
      case 'disconnect': {
        const client = this.client(conn);
        this.push({ ...line, conn: client.conn });
        if (step.abrupt) client.destroy();
        else client.end();
        this.clients.delete(conn);
        if (this.o.transport.connections === 'one') this.endedByScenario = true;
        return;
      }
      case 'reconnect': {
        if (this.o.transport.connections === 'one') throw this.unsupported(at, 'reconnect (use restart)');
        this.clients.get(conn)?.destroy();
        this.push({ ...line, conn });
        await this.open(conn);
        return;
      }
      case 'restart': {
        this.push(line);
        const open = [...this.clients.keys()];
        this.clients.clear();
        await this.o.transport.restart();
        this.readyPending = true;
        this.endedByScenario = false;
        for (const name of open.length ? open : ['main']) await this.open(name);
        return;
      }
      case 'wait': {
        this.push(step.conn ? { ...line, conn: this.client(conn).conn } : line);
        if (step.event) {
          const r = await this.waitEvent(conn, step.event, step.count ?? 1, step.match, 'since' in step ? step.since : undefined);
          if (step.as) this.bindings.set(step.as, r.msg);
        } else await sleep(step.ms ?? 0);
        return;
      }
    }
  }

  /** The n-th event of a type (matching `match`) since the last request on the connection, or since it opened. */
  async waitEvent(conn: string, type: string, count: number, match?: JsonObject, since: 'request' | 'connect' = 'request'): Promise<Received> {
    const client = this.client(conn);
    let from = since === 'connect' ? 0 : (this.marks.get(conn) ?? 0);
    let found: Received | undefined;
    const what = `event ${type}${count > 1 ? ` #${count}` : ''}${match ? ` matching ${JSON.stringify(match)}` : ''}`;
    for (let i = 0; i < count; i++) {
      found = await client.waitFor((r) => r.kind === 'event' && r.type === type && (!match || matchesSubset(r.msg, match)), what, this.o.timeouts.waitMs, from);
      from = found.index + 1;
    }
    return found!;
  }

  /** Lets trailing events arrive: returns once no connection has heard anything for settleMs. */
  async finish(): Promise<BodyLine[]> {
    const { settleMs, waitMs } = this.o.timeouts;
    if (settleMs > 0) {
      const deadline = Date.now() + waitMs;
      let before = -1;
      while (before !== this.totalReceived() && Date.now() < deadline) {
        before = this.totalReceived();
        await sleep(settleMs);
      }
    }
    const failed = this.o.transport.failure();
    if (failed && !this.endedByScenario) throw failed;
    for (const c of this.clients.values()) if (c.error) throw c.error;
    return this.lines;
  }

  private totalReceived(): number {
    let n = 0;
    for (const c of this.clients.values()) n += c.received.length;
    return n;
  }

  async stop(): Promise<void> {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
    await this.o.transport.stop();
  }

  private unsupported(at: string, what: string): ConfigError {
    return new ConfigError(`${at}: the ${this.o.transport.settings.transport} transport cannot ${what}`, {
      hint: 'Record this scenario on a socket target, or drop the step.',
    });
  }
}

export function logical(conn: string): string {
  const hash = conn.indexOf('#');
  return hash === -1 ? conn : conn.slice(0, hash);
}
