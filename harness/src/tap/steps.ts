import { getPath, parsePath } from '../compare/json-path.js';
import { ID_IN_TEXT } from '../compare/generated.js';
import type { Profile } from '../profiles/profile.js';
import type { BodyLine, ControlLine, RequestLine } from '../trace/types.js';
import { isSecretKey } from '../../../core/src/redact/registry.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SIMPLE_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Where a generated value was first heard: the answer to a request, or an event between two requests. */
interface Source {
  /** Index (in the tapped lines) of the request whose answer holds it, or after which the event came. */
  after: number;
  conn: string;
  /** `count`: its number among events of its type on the connection since it opened. */
  event?: { type: string; count: number };
  path: string;
  binding?: string;
}

/**
 * Turns tapped traffic into steps a replay can take against another target: a value the app sent
 * back that the target generated (a session id from an answer, a permission id from an event) is
 * sent as a reference to where it came from (`{{r3.result.id}}`), so the new path's own value goes
 * instead; and where the app waited for events before its next request, the replay waits for the
 * last of them too, so requests reach the target in the same state as they did. Waits count events
 * from the connection's start: an event heard after one request may have been caused by an earlier
 * one, and on the new path come before that request is sent.
 */
export function replayable(lines: readonly BodyLine[], profile: Profile, idKeys: readonly string[]): BodyLine[] {
  const isIdKey = (k: string) => (idKeys.length ? idKeys.includes(k) : k === 'id' || k === 'sessionId' || (k.length > 2 && k.endsWith('Id')));
  const sources = new Map<string, Source>();
  const lastRequest = new Map<string, number>();
  const totals = new Map<string, Map<string, number>>();
  const pending = new Map<string, number[]>();
  const resultPath = profile.paths.result;
  const dataPath = profile.paths.eventData;

  const learn = (value: unknown, base: string, at: Omit<Source, 'path'>, key?: string): void => {
    if (typeof value === 'string') {
      // A secret an answer hands out (a session token) is a value the app sends back too: as a
      // reference it is replayed with the new path's own, where its redacted copy could not be.
      if (value.length < 4 || !((key !== undefined && (isIdKey(key) || isSecretKey(key))) || UUID.test(value) || wholeId(value))) return;
      // The first sighting, unless an answer names it too before anything used it: an answer needs no wait.
      const known = sources.get(value);
      if (!known || (known.event && !at.event && known.binding === undefined)) sources.set(value, { ...at, path: base });
      return;
    }
    if (Array.isArray(value)) value.forEach((x, i) => learn(x, `${base}.${i}`, at));
    else if (value && typeof value === 'object') for (const [k, x] of Object.entries(value)) if (SIMPLE_KEY.test(k)) learn(x, base ? `${base}.${k}` : k, at, k);
  };

  // First pass: what is generated where, and which requests send it back.
  const templates = new Map<number, Record<string, unknown>>();
  lines.forEach((l, i) => {
    if (l.type === 'request') {
      const uses: Source[] = [];
      const template = l.params ? substitute(l.params, sources, uses) : undefined;
      if (uses.length) templates.set(i, template as Record<string, unknown>);
      lastRequest.set(l.conn, i);
      if (l.id !== undefined) pending.set(`${l.conn}\u0000${String(l.id)}`, [i]);
      else (pending.get(`${l.conn}\u0000`) ?? pending.set(`${l.conn}\u0000`, []).get(`${l.conn}\u0000`)!).push(i);
      return;
    }
    if (l.type === 'response') {
      const c = profile.classify(l.message);
      const id = c.kind === 'response' ? c.id : null;
      const queue = id === null || profile.correlation === 'order' ? pending.get(`${l.conn}\u0000`) : pending.get(`${l.conn}\u0000${String(id)}`);
      const req = queue?.shift();
      if (req !== undefined && c.kind === 'response' && c.ok) learn(getPath(l.message, resultPath), resultPath, { after: req, conn: l.conn });
      return;
    }
    if (l.type === 'event') {
      const c = profile.classify(l.message);
      const after = lastRequest.get(l.conn);
      if (c.kind !== 'event' || after === undefined) return;
      const counts = totals.get(l.conn) ?? totals.set(l.conn, new Map()).get(l.conn)!;
      const count = (counts.get(c.type) ?? 0) + 1;
      counts.set(c.type, count);
      const at = { after, conn: l.conn, event: { type: c.type, count } };
      learn(dataPath ? getPath(l.message, dataPath) : l.message, dataPath, at);
      if (profile.paths.eventSession) learn(getPath(l.message, profile.paths.eventSession), profile.paths.eventSession, at, parsePath(profile.paths.eventSession).pop() as string);
    }
  });

  // Second pass: name the places the used values came from (one name per answer or event), then
  // write the steps with their references and waits.
  const names = new Map<string, string>();
  let r = 0;
  let e = 0;
  for (const s of sources.values()) {
    if (s.binding !== '') continue;
    const key = s.event ? `${s.conn}\u0000${s.after}\u0000${s.event.type}\u0000${s.event.count}` : `${s.after}`;
    if (!names.has(key)) names.set(key, s.event ? `e${++e}` : `r${++r}`);
    s.binding = names.get(key)!;
  }
  const out: BodyLine[] = [];
  const window = new Map<string, string[]>();
  const seen = new Map<string, Map<string, number>>();
  lines.forEach((l, i) => {
    if (l.type === 'request') {
      out.push(...waits(window.get(l.conn) ?? [], l.conn, sources, lastRequest.get(l.conn), seen.get(l.conn) ?? new Map()));
      window.set(l.conn, []);
      lastRequest.set(l.conn, i);
      const binding = [...sources.values()].find((s) => s.binding && !s.event && s.after === i)?.binding;
      const template = templates.get(i);
      out.push({ ...l, ...(template ? { template: resolveNames(template) } : {}), ...(binding ? { as: binding } : {}) } as RequestLine);
      return;
    }
    if (l.type === 'event') {
      const c = profile.classify(l.message);
      if (c.kind === 'event') {
        (window.get(l.conn) ?? window.set(l.conn, []).get(l.conn)!).push(c.type);
        const counts = seen.get(l.conn) ?? seen.set(l.conn, new Map()).get(l.conn)!;
        counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
      }
    }
    out.push(l);
  });
  return out;

  /** The `{{name.path}}` of each source a template uses, once the sources are named. */
  function resolveNames(v: unknown): unknown {
    if (typeof v === 'string' && v.startsWith('\u0001')) {
      const s = sources.get(v.slice(1))!;
      return `{{${s.binding}.${s.path}}}`;
    }
    if (Array.isArray(v)) return v.map(resolveNames);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveNames(x)]));
    return v;
  }
}

/** The params with each value a source generated marked (\u0001 + value), and the sources used set aside to be named. */
function substitute(v: unknown, sources: Map<string, Source>, uses: Source[]): unknown {
  if (typeof v === 'string') {
    const s = sources.get(v);
    if (!s) return v;
    s.binding ??= '';
    uses.push(s);
    return `\u0001${v}`;
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, sources, uses));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, sources, uses)]));
  return v;
}

/**
 * The waits before a request: one per event a later request refers to (it binds the event), and
 * one for the last event the app heard before sending it, so the replay sends it no earlier; each
 * counted from the connection's start (`seen`: events of each type heard on it so far).
 */
function waits(window: readonly string[], conn: string, sources: Map<string, Source>, after: number | undefined, seen: ReadonlyMap<string, number>): ControlLine[] {
  if (!window.length || after === undefined) return [];
  const out: ControlLine[] = [];
  const bound = new Set<string>();
  for (const s of sources.values()) {
    if (!s.binding || !s.event || s.after !== after || s.conn !== conn || bound.has(s.binding)) continue;
    bound.add(s.binding);
    out.push({ type: 'control', op: 'wait', conn, event: s.event.type, ...(s.event.count > 1 ? { count: s.event.count } : {}), since: 'connect', as: s.binding });
  }
  const last = window[window.length - 1]!;
  const count = seen.get(last) ?? 1;
  if (!out.some((w) => w.event === last && (w.count ?? 1) >= count)) out.push({ type: 'control', op: 'wait', conn, event: last, ...(count > 1 ? { count } : {}), since: 'connect' });
  return out;
}

function wholeId(s: string): boolean {
  ID_IN_TEXT.lastIndex = 0;
  const m = ID_IN_TEXT.exec(s);
  return m !== null && m[0] === s;
}
