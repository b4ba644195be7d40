import type { Profile, RequestId } from '../profiles/profile.js';
import type { CompareSettings } from '../settings.js';
import type { BodyLine, NoiseRule } from '../trace/types.js';
import { getPath, parsePath } from './json-path.js';
import { Normalizer, scopeKey, type Scope, type Shape } from './normalize.js';

export type Line = BodyLine & { line?: number };

export interface PrepareOptions {
  profile: Profile;
  compare: CompareSettings;
  noise: readonly NoiseRule[];
  /** This side's generated folders (its data dir), renamed to <dataDir>. */
  dataDirs?: readonly string[];
}

export interface PreparedRequest {
  id?: RequestId | undefined;
  command: string;
  line?: number | undefined;
  /** Normalized answers to it (canonical JSON), in arrival order (more than one is a duplicate). */
  responses: { text: string; line?: number | undefined }[];
}

export interface NormEvent {
  /** The normalized event as canonical JSON: the alignment key. */
  key: string;
  type: string;
  line?: number | undefined;
}

export interface PreparedConn {
  requests: PreparedRequest[];
  /** Answers no request claims (an id nobody sent, or more id-less answers than raw lines). */
  unclaimed: { text: string; line?: number | undefined }[];
  /** Events per group (a session's placeholder, or '' for all), in order. */
  groups: Map<string, NormEvent[]>;
}

/** One side of a comparison, normalized: connections in order of first appearance. */
export type PreparedSide = Map<string, PreparedConn>;

interface RawConn {
  requests: { id?: RequestId | undefined; command: string; line?: number | undefined; raw: boolean }[];
  responses: { msg: unknown; id: RequestId | null; line?: number | undefined }[];
  events: { msg: unknown; type: string; session: unknown; line?: number | undefined }[];
}

function split(lines: readonly Line[], profile: Profile): Map<string, RawConn> {
  const by = new Map<string, RawConn>();
  const sessionPath = parsePath(profile.paths.eventSession);
  const get = (conn: string) => {
    let s = by.get(conn);
    if (!s) by.set(conn, (s = { requests: [], responses: [], events: [] }));
    return s;
  };
  for (const l of lines) {
    if (l.type === 'request') get(l.conn).requests.push({ id: l.id, command: l.command, line: l.line, raw: false });
    else if (l.type === 'raw') get(l.conn).requests.push({ command: '(raw line)', line: l.line, raw: true });
    else if (l.type === 'response') {
      const c = profile.classify(l.message);
      get(l.conn).responses.push({ msg: l.message, id: c.kind === 'response' ? c.id : null, line: l.line });
    } else if (l.type === 'event' || l.type === 'message') {
      const c = profile.classify(l.message);
      get(l.conn).events.push({ msg: l.message, type: c.kind === 'event' ? c.type : '(unclassified)', session: sessionPath.length ? getPath(l.message, sessionPath) : undefined, line: l.line });
    }
  }
  return by;
}

/** A cooperative pause: lets socket reads run between slices of normalization. */
export type Yield = () => Promise<void>;

/**
 * Normalizes one side in a fixed order, the same for both sides whatever the timing:
 * per connection, answers in request order, then events grouped by session (sessions in
 * the order their ids were first named). Placeholders are named by first appearance, so
 * this order is what makes two equal exchanges normalize to the same text.
 */
export async function prepareSide(
  lines: readonly Line[],
  o: PrepareOptions,
  pause?: Yield,
  /** Shapes already made as the messages arrived (by message), with the normalizer that made them. */
  pre?: { shapes: ReadonlyMap<unknown, Shape>; normalizer: Normalizer },
): Promise<PreparedSide> {
  const n = pre?.normalizer ?? new Normalizer({ compare: o.compare, profile: o.profile, noise: o.noise, dataDirs: o.dataDirs ?? [] });
  const text = (msg: unknown, scope: Scope): string => {
    const shape = pre?.shapes.get(msg);
    return n.finish(shape && shape.scope === scopeKey(scope) ? shape : n.shape(msg, scope));
  };
  const out: PreparedSide = new Map();
  let work = 0;
  for (const [conn, raw] of split(lines, o.profile)) {
    const byId = new Map<RequestId, RawConn['responses']>();
    const anonymous: RawConn['responses'] = [];
    for (const r of raw.responses) {
      if (r.id === null || o.profile.correlation === 'order') anonymous.push(r);
      else {
        const list = byId.get(r.id);
        if (list) list.push(r);
        else byId.set(r.id, [r]);
      }
    }
    const requests: PreparedRequest[] = [];
    let anon = 0;
    for (const req of raw.requests) {
      const mine = req.id !== undefined && o.profile.correlation === 'id' ? (byId.get(req.id) ?? []) : anonymous[anon] ? [anonymous[anon++]!] : [];
      if (req.id !== undefined) byId.delete(req.id);
      const responses = [];
      for (const r of mine) {
        responses.push({ text: text(r.msg, { kind: 'response', name: req.command }), line: r.line });
        if (pause && ++work % 400 === 0) await pause();
      }
      requests.push({ id: req.id, command: req.command, line: req.line, responses });
    }
    const unclaimed = [...[...byId.values()].flat(), ...anonymous.slice(anon)].map((r) => ({ text: text(r.msg, { kind: 'response' }), line: r.line }));
    out.set(conn, { requests, unclaimed, groups: await groupEvents(raw, n, o, text, pause) });
  }
  return out;
}

async function groupEvents(raw: RawConn, n: Normalizer, o: PrepareOptions, text: (msg: unknown, scope: Scope) => string, pause: Yield | undefined): Promise<Map<string, NormEvent[]>> {
  let work = 0;
  const bySession = new Map<string, RawConn['events']>();
  for (const ev of raw.events) {
    const k = o.compare.ordering === 'session' && typeof ev.session === 'string' ? ev.session : '';
    let list = bySession.get(k);
    if (!list) bySession.set(k, (list = []));
    list.push(ev);
  }
  const rank = (k: string) => (k ? (n.order(k) ?? Infinity) : -1);
  const keys = [...bySession.keys()].sort((x, y) => rank(x) - rank(y) || 0);
  const out = new Map<string, NormEvent[]>();
  for (const k of keys) {
    const group = k ? n.rename(k, 'session') : '';
    const list: NormEvent[] = [];
    for (const ev of bySession.get(k)!) {
      list.push({ key: text(ev.msg, { kind: 'event', name: ev.type }), type: ev.type, line: ev.line });
      if (pause && ++work % 400 === 0) await pause();
    }
    if (o.compare.ordering === 'none') list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    out.set(group, list);
  }
  return out;
}

/**
 * Makes shapes (the naming-free half of normalization) for a side's messages as they arrive,
 * so that only naming is left once the exchange ends.
 */
export function shapeAsTheyCome(o: PrepareOptions & { dataDirs: readonly string[] }) {
  const normalizer = new Normalizer({ compare: o.compare, profile: o.profile, noise: o.noise, dataDirs: o.dataDirs });
  const shapes = new Map<unknown, Shape>();
  const commands = new Map<string, string>();
  return {
    pre: { shapes, normalizer },
    observe(l: BodyLine): void {
      if (l.type === 'request') {
        if (l.id !== undefined) commands.set(`${l.conn}\u0000${String(l.id)}`, l.command);
        return;
      }
      if (l.type !== 'response' && l.type !== 'event' && l.type !== 'message') return;
      const c = o.profile.classify(l.message);
      if (c.kind === 'response') {
        const command = c.id === null || o.profile.correlation === 'order' ? undefined : commands.get(`${l.conn}\u0000${String(c.id)}`);
        if (command) shapes.set(l.message, normalizer.shape(l.message, { kind: 'response', name: command }));
      } else shapes.set(l.message, normalizer.shape(l.message, { kind: 'event', name: c.kind === 'event' ? c.type : '(unclassified)' }));
    },
  };
}
