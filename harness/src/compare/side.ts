import { InternalError } from '../../../core/src/errors.js';
import type { Profile, RequestId } from '../profiles/profile.js';
import { getPath, parsePath, type Segment } from './json-path.js';
import { Normalizer, type Shape } from './normalize.js';
import type { Line, NormEvent, PreparedConn, PreparedRequest, PreparedResponse, PreparedSide, PrepareOptions, Yield } from './prepare.js';

interface RawResponse {
  /** Kept: a response claimed under another command than it was shaped for is shaped again. */
  msg: unknown;
  id: RequestId | null;
  line?: number | undefined;
  at: number;
  ok: boolean;
  error: string | undefined;
  /** Made on arrival when the request's command was known then. */
  shape?: Shape | undefined;
  command?: string | undefined;
}

interface RawEvent {
  /** Kept only until shaped (an event's shape never changes): a side would hold every message to the end otherwise. */
  msg: unknown;
  type: string;
  session: unknown;
  line?: number | undefined;
  at: number;
  shape: Shape | undefined;
}

interface RawConn {
  requests: { id?: RequestId | undefined; command: string; line?: number | undefined }[];
  /** Command by request id, so an answer can be shaped the moment it arrives. */
  commands: Map<RequestId, string>;
  responses: RawResponse[];
  events: RawEvent[];
}

/** Work units between cooperative pauses. */
export const SLICE = 400;

/**
 * One side of a comparison, built line by line. Each message is shaped (the naming-free half
 * of normalization) as it is added; `finish` names the holes in a fixed order that does not
 * depend on timing: per connection, answers in request order, then events grouped by session
 * in the order their ids were first named. Placeholders are named by first appearance, so this
 * order is what makes two equal exchanges normalize to the same text.
 */
export class SideBuilder {
  private readonly n: Normalizer;
  private readonly conns = new Map<string, RawConn>();
  private readonly sessionPath: Segment[];
  private readonly errorPath: Segment[];
  private finished = false;
  /** Lines added so far: the index of the next one. */
  private count = 0;

  constructor(
    private readonly o: PrepareOptions,
    /**
     * Shape each message when it is added (a side that arrives over time: only naming is left
     * at the end), or when the side is finished (a side known at once: each shape is used and
     * dropped right away, which keeps them out of the old generation of the heap).
     */
    private readonly eager = false,
  ) {
    this.n = new Normalizer({ compare: o.compare, profile: o.profile, noise: o.noise, dataDirs: o.dataDirs ?? [] });
    this.sessionPath = parsePath(o.profile.paths.eventSession);
    this.errorPath = parsePath(o.profile.paths.error);
  }

  add(l: Line): void {
    if (this.finished) throw new InternalError('a line was added to a side of a comparison after it was finished');
    const profile: Profile = this.o.profile;
    const at = this.count++;
    switch (l.type) {
      case 'request': {
        const c = this.conn(l.conn);
        c.requests.push({ id: l.id, command: l.command, line: l.line });
        if (l.id !== undefined) c.commands.set(l.id, l.command);
        return;
      }
      case 'raw':
        this.conn(l.conn).requests.push({ command: '(raw line)', line: l.line });
        return;
      case 'response': {
        const c = this.conn(l.conn);
        const k = profile.classify(l.message);
        const id = k.kind === 'response' ? k.id : null;
        const command = id === null || profile.correlation === 'order' ? undefined : c.commands.get(id);
        const shape = this.eager && command !== undefined ? this.n.shape(l.message, { kind: 'response', name: command }) : undefined;
        const ok = k.kind === 'response' && k.ok;
        const error = ok ? undefined : JSON.stringify(getPath(l.message, this.errorPath) ?? null);
        c.responses.push({ msg: l.message, id, line: l.line, at, ok, error, command, shape });
        return;
      }
      case 'event':
      case 'message': {
        const k = profile.classify(l.message);
        const type = k.kind === 'event' ? k.type : '(unclassified)';
        const session = this.sessionPath.length ? getPath(l.message, this.sessionPath) : undefined;
        const shape = this.eager ? this.n.shape(l.message, { kind: 'event', name: type }) : undefined;
        this.conn(l.conn).events.push({ msg: shape ? undefined : l.message, type, session, line: l.line, at, shape });
        return;
      }
      default:
    }
  }

  async finish(pause?: Yield): Promise<PreparedSide> {
    this.finished = true;
    const { profile } = this.o;
    let work = 0;
    // Awaited only when a pause is due: an await per message would cost a promise and a microtask each.
    const due = () => pause !== undefined && ++work % SLICE === 0;
    const out: PreparedSide = new Map();
    for (const [conn, raw] of this.conns) {
      const byId = new Map<RequestId, RawResponse[]>();
      const anonymous: RawResponse[] = [];
      for (const r of raw.responses) {
        if (r.id === null || profile.correlation === 'order') anonymous.push(r);
        else {
          const list = byId.get(r.id);
          if (list) list.push(r);
          else byId.set(r.id, [r]);
        }
      }
      const requests: PreparedRequest[] = [];
      let anon = 0;
      for (const req of raw.requests) {
        const mine = req.id !== undefined && profile.correlation === 'id' ? (byId.get(req.id) ?? []) : anonymous[anon] ? [anonymous[anon++]!] : [];
        if (req.id !== undefined) byId.delete(req.id);
        const responses = [];
        for (const r of mine) {
          responses.push(this.prepared(r, req.command));
          if (due()) await pause!();
        }
        requests.push({ id: req.id, command: req.command, line: req.line, responses });
      }
      const unclaimed = [...[...byId.values()].flat(), ...anonymous.slice(anon)].map((r) => this.prepared(r, undefined));
      const groups = new Map<string, NormEvent[]>();
      for (const [session, events] of this.bySession(raw)) {
        // Named group by group: an event of one session may name the id of the next.
        const group = session ? this.n.rename(session, 'session') : '';
        const list: NormEvent[] = [];
        for (const ev of events) {
          list.push({ norm: this.n.resolve(ev.shape ?? this.n.shape(ev.msg, { kind: 'event', name: ev.type })), type: ev.type, line: ev.line, at: ev.at });
          if (due()) await pause!();
        }
        // Any order: sorted by shape, which needs no names (a stable sort keeps arrival order among equals).
        if (this.o.compare.ordering === 'none') list.sort((x, y) => (x.norm.shapeText < y.norm.shapeText ? -1 : x.norm.shapeText > y.norm.shapeText ? 1 : 0));
        groups.set(group, list);
      }
      const prepared: PreparedConn = { requests, unclaimed, groups };
      out.set(conn, prepared);
    }
    return out;
  }

  private conn(name: string): RawConn {
    let c = this.conns.get(name);
    if (!c) this.conns.set(name, (c = { requests: [], commands: new Map(), responses: [], events: [] }));
    return c;
  }

  /** An answer, shaped again only if it was filed under another command than the one that claims it. */
  private prepared(r: RawResponse, command: string | undefined): PreparedResponse {
    const shape = r.shape && r.command === command ? r.shape : this.n.shape(r.msg, command === undefined ? { kind: 'response' } : { kind: 'response', name: command });
    return { norm: this.n.resolve(shape), line: r.line, at: r.at, ok: r.ok, error: r.error };
  }

  /** Events by session id (or all in one group ''), sessions in the order their ids were first named. */
  private bySession(raw: RawConn): [string, RawEvent[]][] {
    const bySession = new Map<string, RawEvent[]>();
    for (const ev of raw.events) {
      const k = this.o.compare.ordering === 'session' && typeof ev.session === 'string' ? ev.session : '';
      let list = bySession.get(k);
      if (!list) bySession.set(k, (list = []));
      list.push(ev);
    }
    const rank = (k: string) => (k ? (this.n.order(k) ?? Infinity) : -1);
    const keys = [...bySession.keys()].sort((x, y) => rank(x) - rank(y) || 0);
    return keys.map((k) => [k, bySession.get(k)!]);
  }
}
