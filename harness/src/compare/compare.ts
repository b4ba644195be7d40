import { createTwoFilesPatch } from 'diff';
import type { Profile } from '../profiles/profile.js';
import type { CompareSettings } from '../settings.js';
import type { NoiseRule } from '../trace/types.js';
import { alignEvents, type Describe } from './align.js';
import { Correspondence } from './correspondence.js';
import { jsonType, type PathDiff } from './deep-diff.js';
import { DiffSink } from './diff-sink.js';
import { formatPath } from './json-path.js';
import { canonical } from './canonical.js';
import { compareNorms, shown } from './pair-diff.js';
import { prepareSide, type Line, type NormEvent, type PreparedConn, type PreparedResponse, type PreparedSide } from './prepare.js';
import { refusal } from './refused.js';
import type { GeneratedDir } from './normalize.js';

export type DifferenceKind = 'missing' | 'extra' | 'changed-value' | 'changed-type' | 'reordered' | 'duplicated' | 'renamed' | 'refused';

export interface Difference {
  kind: DifferenceKind;
  /** `response:<command>` or `event:<type>`: what noise rules and contract checks key on. */
  scope?: string;
  /** "response to agent_get_session (request 4, main)", "event stream:chunk #3 of session <id:1> (main)". */
  subject: string;
  /** JSON path inside the message, when the difference is inside one. */
  path?: string;
  /** renamed: the path the field has now. */
  renamedTo?: string;
  expected?: unknown;
  actual?: unknown;
  /** Line of the expected message (or of its request) in the trace. */
  line?: number;
  /** A missing or extra event: "after event stream:chunk #3 (line 12)". */
  after?: string;
  /** Unified diff of the normalized messages, whole: the report redacts it, then bounds it (report/bound-diff.ts). */
  diff?: string;
  hint?: string;
  /** How many differences like this one it stands for: the same kind at the same field in other messages. */
  count?: number;
  /** Where a few of those others are. */
  also?: string[];
  /** This many more differences, not shown one by one. */
  more?: number;
  /** Index of the new path's message among the run's lines, for contract problems the difference explains. */
  at?: number;
  /** The same for the first few messages of a group of alike differences. */
  ats?: number[];
  /** A missing event: index of the new path's event that came where it should have been (a seq gap there is this). */
  gapAt?: number;
  gapAts?: number[];
  /** What else the difference explains: a manifest problem of the same message, the seq gap it leaves. */
  notes?: string[];
}

export interface CompareOptions {
  profile: Profile;
  compare: CompareSettings;
  noise: readonly NoiseRule[];
  expectedDataDirs?: readonly GeneratedDir[];
  actualDataDirs?: readonly GeneratedDir[];
  /** Path diffs reported per message before the rest is summed up. */
  maxPerMessage?: number;
  /** Kinds of difference kept in full before the rest is only counted (default MAX_GROUPS). */
  maxDifferences?: number;
  /** false: alike differences are not grouped (noise learning needs every varying value). */
  group?: boolean;
}

/**
 * Compares what the golden trace heard with what the replay heard. Responses pair by
 * request id (or by order), events align per session (or as configured) by content; what
 * does not align is classified: missing, extra, changed value or type, renamed, reordered,
 * duplicated, or one refusal of a whole connection.
 */
export async function compareExchanges(expected: readonly Line[], actual: readonly Line[], o: CompareOptions): Promise<Difference[]> {
  const base = { profile: o.profile, compare: o.compare, noise: o.noise };
  const e = await prepareSide(expected, { ...base, dataDirs: o.expectedDataDirs ?? [] });
  const a = await prepareSide(actual, { ...base, dataDirs: o.actualDataDirs ?? [] });
  return matchSides(e, a, o);
}

/** The comparison proper, on two sides already normalized (see prepareSide). */
export function matchSides(exp: PreparedSide, act: PreparedSide, o: Pick<CompareOptions, 'maxPerMessage' | 'maxDifferences' | 'group'>): Difference[] {
  const corr = new Correspondence();
  const sink = new DiffSink(o.maxDifferences, o.group ?? true);
  const empty: PreparedConn = { requests: [], unclaimed: [], groups: new Map() };
  const pair: Pair = (what, e, a) => messageDiff(what, e, a, corr, o.maxPerMessage ?? 10, sink);
  for (const conn of new Set([...exp.keys(), ...act.keys()])) {
    const e = exp.get(conn) ?? empty;
    const a = act.get(conn) ?? empty;
    // Every answer the same refusal where the golden trace has answers: one diagnosis, not a difference per field.
    const refused = refusal(conn, e, a);
    if (refused) {
      sink.push(refused);
      continue;
    }
    compareResponses(conn, e, a, corr, sink, pair);
    for (const [ge, ga] of pairGroups(e.groups, a.groups, corr)) {
      const name = ge ?? corr.show(ga!, 'actual');
      alignEvents(e.groups.get(ge!) ?? [], a.groups.get(ga!) ?? [], `${name ? ` of session ${name}` : ''} (${conn})`, corr, sink, pair);
    }
  }
  return sink.result();
}

type Pair = (what: Describe, e: { norm: PreparedResponse['norm']; line?: number | undefined }, a: { norm: PreparedResponse['norm']; at: number }) => void;

function compareResponses(conn: string, e: PreparedConn, a: PreparedConn, corr: Correspondence, sink: DiffSink, pair: Pair): void {
  const n = Math.max(e.requests.length, a.requests.length);
  for (let i = 0; i < n; i++) {
    const er = e.requests[i];
    const ar = a.requests[i];
    // The replay sends what the trace sends; a request only one side has is the other's extra or missing answer.
    const req = (er ?? ar)!;
    const E = er?.responses ?? [];
    const A = ar?.responses ?? [];
    const line = E[0]?.line ?? req.line;
    // Words only for an answer that differs: most do not.
    const what = () => ({ subject: `response to ${req.command}${req.id === undefined ? ` (${conn})` : ` (request ${JSON.stringify(req.id)}, ${conn})`}`, scope: `response:${req.command}` });
    const at = (d: Omit<Difference, 'subject' | 'scope'>): Difference => ({ ...what(), ...d, ...(line === undefined ? {} : { line }) });
    if (A.length > E.length && E.length > 0) sink.push(at({ kind: 'duplicated', at: A[1]!.at, hint: `The new path answered this request ${A.length} times.` }));
    if (E[0] && !A[0]) sink.push(at({ kind: 'missing', expected: shown(E[0].norm, corr, 'expected'), hint: 'The golden trace has this response; the new path never sent it.' }));
    else if (!E[0] && A[0]) sink.push(at({ kind: 'extra', at: A[0].at, actual: shown(A[0].norm, corr, 'actual'), hint: 'The new path answered where the old path said nothing.' }));
    else if (E[0] && A[0]) pair(what, line === undefined ? E[0] : { norm: E[0].norm, line }, A[0]);
  }
  for (const r of a.unclaimed.slice(e.unclaimed.length)) sink.push({ kind: 'extra', scope: 'response:', subject: `response no request claims (${conn})`, at: r.at, actual: shown(r.norm, corr, 'actual'), hint: 'No request in the trace has this id.' });
  for (const r of e.unclaimed.slice(a.unclaimed.length)) sink.push({ kind: 'missing', scope: 'response:', subject: `response no request claims (${conn})`, ...(r.line === undefined ? {} : { line: r.line }), expected: shown(r.norm, corr, 'expected') });
}

/**
 * Event groups (one per session) of the two sides, paired: first through the correspondence (a
 * session the answers already paired), then the rest in the order they appeared.
 */
function pairGroups(E: Map<string, NormEvent[]>, A: Map<string, NormEvent[]>, corr: Correspondence): [string | undefined, string | undefined][] {
  const out: [string | undefined, string | undefined][] = [];
  const usedA = new Set<string>();
  const left: string[] = [];
  for (const ek of E.keys()) {
    const ak = ek === '' ? (A.has('') ? '' : undefined) : [...A.keys()].find((k) => k !== '' && !usedA.has(k) && corr.known(ek, k));
    if (ak === undefined) left.push(ek);
    else {
      usedA.add(ak);
      out.push([ek, ak]);
    }
  }
  for (const ek of left) {
    const ak = ek === '' ? undefined : [...A.keys()].find((k) => k !== '' && !usedA.has(k) && corr.free(ek, k));
    if (ak !== undefined) {
      corr.match(ek, ak);
      usedA.add(ak);
    }
    out.push([ek, ak]);
  }
  for (const ak of A.keys()) if (!usedA.has(ak)) out.push([undefined, ak]);
  return out;
}

/** Field-level differences of one message pair (a rename as one), with a readable diff of the whole message. */
function messageDiff(what: Describe, e: { norm: PreparedResponse['norm']; line?: number | undefined }, a: { norm: PreparedResponse['norm']; at: number }, corr: Correspondence, max: number, sink: DiffSink): void {
  const diffs = compareNorms(e.norm, a.norm, corr);
  if (!diffs) return;
  const { subject, scope } = what();
  const detail = () => {
    const patch = createTwoFilesPatch('golden', 'replay', `${JSON.stringify(shown(e.norm, corr, 'expected'), null, 2)}\n`, `${JSON.stringify(shown(a.norm, corr, 'actual'), null, 2)}\n`, undefined, undefined, { context: 2 });
    return { diff: patch.split('\n').slice(2).join('\n') };
  };
  const line = e.line === undefined ? {} : { line: e.line };
  const renames = renamePairs(diffs);
  const shownDiffs = diffs.filter((d) => !renames.absorbed.has(d));
  shownDiffs.slice(0, max).forEach((d) => {
    const rename = renames.to.get(d);
    const base = { scope, subject, at: a.at, path: formatPath(d.path), ...line };
    if (rename) sink.push({ ...base, kind: 'renamed', renamedTo: formatPath(rename.path), expected: d.expected, hint: `The same value is now under ${formatPath(rename.path)}.` }, detail);
    else {
      sink.push(
        {
          ...base,
          kind: d.kind,
          ...(d.kind !== 'extra' ? { expected: d.expected } : {}),
          ...(d.kind !== 'missing' ? { actual: d.actual } : {}),
          ...(d.kind === 'changed-type' ? { hint: `Was ${jsonType(d.expected)}, now ${jsonType(d.actual)}.` } : {}),
        },
        detail,
      );
    }
  });
  if (shownDiffs.length > max) sink.push({ kind: shownDiffs[max]!.kind, scope, subject, at: a.at, more: shownDiffs.length - max, ...line });
}

/**
 * A key missing and another one extra beside it with the same value: a rename, reported once. The
 * same value is evidence enough when it is distinctive (a text, a number other than 0 and 1, a
 * non-empty object or list), or when those two are the only keys that changed in that object.
 * Generated values (ids) differ between runs by nature: when those two keys are the only change
 * there and both hold one, that is the rename of an id field.
 */
function renamePairs(diffs: PathDiff[]): { to: Map<PathDiff, PathDiff>; absorbed: Set<PathDiff> } {
  const to = new Map<PathDiff, PathDiff>();
  const absorbed = new Set<PathDiff>();
  const parentOf = (d: PathDiff) => formatPath(d.path.slice(0, -1));
  const keyed = (d: PathDiff) => typeof d.path[d.path.length - 1] === 'string';
  const extra = diffs.filter((d) => d.kind === 'extra' && keyed(d));
  const missing = diffs.filter((d) => d.kind === 'missing' && keyed(d));
  for (const m of missing) {
    const parent = parentOf(m);
    const beside = extra.filter((x) => !absorbed.has(x) && parentOf(x) === parent);
    const only = beside.length === 1 && missing.filter((x) => parentOf(x) === parent).length === 1;
    const x = beside.find((x) => (canonical(x.actual) === canonical(m.expected) && (only || distinctive(m.expected))) || (only && m.generated?.expected === true && x.generated?.actual === true));
    if (x) {
      to.set(m, x);
      absorbed.add(x);
    }
  }
  return { to, absorbed };
}

function distinctive(v: unknown): boolean {
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'number') return v !== 0 && v !== 1;
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length > 0;
}
