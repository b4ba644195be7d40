import { createTwoFilesPatch, diffArrays } from 'diff';
import type { Profile } from '../profiles/profile.js';
import type { CompareSettings } from '../settings.js';
import type { NoiseRule } from '../trace/types.js';
import { deepDiff, jsonType, type PathDiff } from './deep-diff.js';
import { formatPath } from './json-path.js';
import { canonical } from './canonical.js';
import { prepareSide, type Line, type NormEvent, type PreparedConn, type PreparedSide } from './prepare.js';

export type DifferenceKind = 'missing' | 'extra' | 'changed-value' | 'changed-type' | 'reordered' | 'duplicated';

export interface Difference {
  kind: DifferenceKind;
  /** `response:<command>` or `event:<type>`: what noise rules and contract checks key on. */
  scope?: string;
  /** "response to agent_get_session (request 4, main)", "event stream:chunk #3 of session <id:1> (main)". */
  subject: string;
  /** JSON path inside the message, when the difference is inside one. */
  path?: string;
  expected?: unknown;
  actual?: unknown;
  /** Line of the expected message (or of its request) in the trace. */
  line?: number;
  /** Unified diff of the normalized messages. */
  diff?: string;
  hint?: string;
}

export interface CompareOptions {
  profile: Profile;
  compare: CompareSettings;
  noise: readonly NoiseRule[];
  expectedDataDirs?: readonly string[];
  actualDataDirs?: readonly string[];
  /** Path diffs reported per message before the rest is summed up. */
  maxPerMessage?: number;
}

/**
 * Compares what the golden trace heard with what the replay heard. Responses pair by
 * request id (or by order), events align per session (or as configured) with a Myers
 * diff; what does not align is classified: missing, extra, changed value or type,
 * reordered, duplicated.
 */
export async function compareExchanges(expected: readonly Line[], actual: readonly Line[], o: CompareOptions): Promise<Difference[]> {
  const base = { profile: o.profile, compare: o.compare, noise: o.noise };
  const e = await prepareSide(expected, { ...base, dataDirs: o.expectedDataDirs ?? [] });
  const a = await prepareSide(actual, { ...base, dataDirs: o.actualDataDirs ?? [] });
  return matchSides(e, a, o);
}

/** The comparison proper, on two sides already normalized (see prepareSide). */
export function matchSides(exp: PreparedSide, act: PreparedSide, o: CompareOptions): Difference[] {
  const out: Difference[] = [];
  const empty: PreparedConn = { requests: [], unclaimed: [], groups: new Map() };
  for (const conn of new Set([...exp.keys(), ...act.keys()])) {
    const e = exp.get(conn) ?? empty;
    const a = act.get(conn) ?? empty;
    compareResponses(conn, e, a, o, out);
    for (const group of new Set([...e.groups.keys(), ...a.groups.keys()])) {
      alignGroup(e.groups.get(group) ?? [], a.groups.get(group) ?? [], `${group ? ` of session ${group}` : ''} (${conn})`, o, out);
    }
  }
  return out;
}

function compareResponses(conn: string, e: PreparedConn, a: PreparedConn, o: CompareOptions, out: Difference[]): void {
  a.requests.forEach((ar, i) => {
    const er = e.requests[i];
    // The replay sends what the trace sends; a request only one side has is the other's extra or missing answer.
    const req = er ?? ar;
    const subject = `response to ${req.command}${req.id === undefined ? ` (${conn})` : ` (request ${JSON.stringify(req.id)}, ${conn})`}`;
    const E = er?.responses ?? [];
    const A = ar.responses;
    if (A.length > E.length && E.length > 0) out.push({ kind: 'duplicated', subject, line: req.line, hint: `The new path answered this request ${A.length} times.` });
    if (E[0] && !A[0]) out.push({ kind: 'missing', subject, line: E[0].line ?? req.line, expected: JSON.parse(E[0].norm.text), hint: 'The golden trace has this response; the new path never sent it.' });
    else if (!E[0] && A[0]) out.push({ kind: 'extra', subject, line: req.line, actual: JSON.parse(A[0].norm.text), hint: 'The new path answered where the old path said nothing.' });
    else if (E[0] && A[0] && !E[0].norm.same(A[0].norm)) messageDiff(subject, `response:${req.command}`, JSON.parse(E[0].norm.text), JSON.parse(A[0].norm.text), E[0].line ?? req.line, o, out);
  });
  for (const er of e.requests.slice(a.requests.length)) {
    if (er.responses[0]) out.push({ kind: 'missing', subject: `response to ${er.command} (${conn})`, line: er.responses[0].line ?? er.line, expected: JSON.parse(er.responses[0].norm.text) });
  }
  for (const r of a.unclaimed.slice(e.unclaimed.length)) out.push({ kind: 'extra', subject: `response no request claims (${conn})`, actual: JSON.parse(r.norm.text), hint: 'No request in the trace has this id.' });
  for (const r of e.unclaimed.slice(a.unclaimed.length)) out.push({ kind: 'missing', subject: `response no request claims (${conn})`, line: r.line, expected: JSON.parse(r.norm.text) });
}

/** The normalized event itself, only ever needed for the few that differ. */
const valueOf = (ev: NormEvent): unknown => JSON.parse(ev.norm.text);
const keyOf = (ev: NormEvent): string => ev.norm.text;

function alignGroup(E: NormEvent[], A: NormEvent[], where: string, o: CompareOptions, out: Difference[]): void {
  if (E.length === A.length && E.every((x, i) => x.norm.same(A[i]!.norm))) return;
  const changes = diffArrays(E.map(keyOf), A.map(keyOf));
  // Hunks: runs of removed/added between unchanged stretches, with positions on each side.
  const hunks: { removed: number[]; added: number[] }[] = [];
  let ie = 0;
  let ia = 0;
  let open: { removed: number[]; added: number[] } | undefined;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      ie += n;
      ia += n;
      open = undefined;
      continue;
    }
    if (!open) hunks.push((open = { removed: [], added: [] }));
    for (let i = 0; i < n; i++) (c.removed ? open.removed : open.added).push(c.removed ? ie++ : ia++);
  }
  const count = (xs: NormEvent[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(keyOf(x), (m.get(keyOf(x)) ?? 0) + 1);
    return m;
  };
  const cE = count(E);
  const cA = count(A);
  const usedE = new Set<number>();
  const usedA = new Set<number>();
  const label = (ev: NormEvent, i: number, side: 'expected' | 'actual') => `event ${ev.type} #${i + 1}${side === 'actual' ? ' (new path)' : ''}${where}`;
  // Reordered: the same message removed in one place and added in another.
  const addedByKey = new Map<string, number[]>();
  for (const h of hunks) for (const i of h.added) addedByKey.set(keyOf(A[i]!), [...(addedByKey.get(keyOf(A[i]!)) ?? []), i]);
  for (const h of hunks) {
    for (const i of h.removed) {
      const pool = addedByKey.get(keyOf(E[i]!));
      const j = pool?.shift();
      if (j === undefined) continue;
      usedE.add(i);
      usedA.add(j);
      out.push({ kind: 'reordered', subject: label(E[i]!, i, 'expected'), line: E[i]!.line, expected: i + 1, actual: j + 1, hint: `Expected at position ${i + 1}, arrived at position ${j + 1} in this stream.` });
    }
  }
  // Duplicated: more copies than the golden trace has.
  for (const h of hunks) {
    for (const j of h.added) {
      if (usedA.has(j)) continue;
      const k = keyOf(A[j]!);
      if ((cE.get(k) ?? 0) > 0 && (cA.get(k) ?? 0) > (cE.get(k) ?? 0)) {
        usedA.add(j);
        cA.set(k, cA.get(k)! - 1);
        out.push({ kind: 'duplicated', subject: label(A[j]!, j, 'actual'), line: E.find((x) => keyOf(x) === k)?.line, actual: valueOf(A[j]!), hint: 'The same event arrived more than once.' });
      }
    }
  }
  // Changed: what is left in a hunk pairs up by event type and is compared field by field.
  for (const h of hunks) {
    const rem = h.removed.filter((i) => !usedE.has(i));
    const add = h.added.filter((j) => !usedA.has(j));
    for (const i of rem) {
      const jIdx = add.findIndex((j) => A[j]!.type === E[i]!.type);
      if (jIdx === -1) continue;
      const j = add.splice(jIdx, 1)[0]!;
      usedE.add(i);
      usedA.add(j);
      messageDiff(label(E[i]!, i, 'expected'), `event:${E[i]!.type}`, valueOf(E[i]!), valueOf(A[j]!), E[i]!.line, o, out);
    }
  }
  for (const h of hunks) {
    for (const i of h.removed) if (!usedE.has(i)) out.push({ kind: 'missing', subject: label(E[i]!, i, 'expected'), line: E[i]!.line, expected: valueOf(E[i]!), hint: 'The golden trace has this event; the new path never sent it.' });
    for (const j of h.added) {
      if (usedA.has(j)) continue;
      const near = E[Math.min(j, E.length - 1)]?.line;
      out.push({ kind: 'extra', subject: label(A[j]!, j, 'actual'), line: near, actual: valueOf(A[j]!), hint: 'The new path sent an event the golden trace does not have.' });
    }
  }
}

/** Field-level differences of one message pair, with a readable diff of the whole message. */
function messageDiff(subject: string, scope: string, e: unknown, a: unknown, line: number | undefined, o: CompareOptions, out: Difference[]): void {
  const diffs = deepDiff(e, a);
  if (diffs.length === 0) return;
  const patch = createTwoFilesPatch('golden', 'replay', `${JSON.stringify(e, null, 2)}\n`, `${JSON.stringify(a, null, 2)}\n`, undefined, undefined, { context: 2 })
    .split('\n')
    .slice(2)
    .join('\n');
  const max = o.maxPerMessage ?? 10;
  const renames = renamePairs(diffs);
  diffs.slice(0, max).forEach((d, i) => {
    out.push({
      kind: d.kind,
      scope,
      subject,
      path: formatPath(d.path),
      ...(d.kind !== 'extra' ? { expected: d.expected } : {}),
      ...(d.kind !== 'missing' ? { actual: d.actual } : {}),
      ...(line === undefined ? {} : { line }),
      ...(i === 0 ? { diff: patch } : {}),
      ...(renames.has(d) ? { hint: renames.get(d)! } : d.kind === 'changed-type' ? { hint: `Was ${jsonType(d.expected)}, now ${jsonType(d.actual)}.` } : {}),
    });
  });
  if (diffs.length > max) out.push({ kind: diffs[max]!.kind, scope, subject, path: `(${diffs.length - max} more differences in this message)`, ...(line === undefined ? {} : { line }) });
}

/** A key missing and another one extra, side by side with the same value: most likely a rename. */
function renamePairs(diffs: PathDiff[]): Map<PathDiff, string> {
  const out = new Map<PathDiff, string>();
  const missing = diffs.filter((d) => d.kind === 'missing');
  const extra = diffs.filter((d) => d.kind === 'extra');
  for (const m of missing) {
    const parent = formatPath(m.path.slice(0, -1));
    const x = extra.find((x) => formatPath(x.path.slice(0, -1)) === parent && canonical(x.actual) === canonical(m.expected) && !out.has(x));
    if (x) {
      const hint = `Looks like ${formatPath(m.path)} was renamed to ${formatPath(x.path)}.`;
      out.set(m, hint);
      out.set(x, hint);
    }
  }
  return out;
}
