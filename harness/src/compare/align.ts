import { diffArrays } from 'diff';
import type { Difference } from './compare.js';
import type { Correspondence } from './correspondence.js';
import type { DiffSink } from './diff-sink.js';
import { shown } from './pair-diff.js';
import type { NormEvent } from './prepare.js';

/** What a message is, in words and as a scope; asked for only when it differs. */
export type Describe = () => { subject: string; scope: string };

/** Compares one pair of events (field by field, through the correspondence) and reports what differs. */
export type ComparePair = (what: Describe, e: NormEvent, a: NormEvent) => void;

interface Hunk {
  removed: number[];
  added: number[];
}

/**
 * One event stream of the golden trace against the new path's, aligned by content: a sequence
 * alignment (Myers) over each event's shape (its type and fields, generated values left out), so
 * a dropped event is one event missing after the one before it, not a cascade of changed fields
 * on the wrong pairs. What does not align is reordered (the same event elsewhere), duplicated
 * (more copies than the golden trace has), changed (same type, other fields), missing or extra.
 */
export function alignEvents(E: readonly NormEvent[], A: readonly NormEvent[], where: string, corr: Correspondence, sink: DiffSink, compare: ComparePair): void {
  const ordE = ordinals(E);
  const ordA = ordinals(A);
  const label = (ev: NormEvent, ord: number, side: 'expected' | 'actual') => `event ${ev.type} #${ord}${side === 'actual' ? ' (new path)' : ''}${where}`;
  const pair = (i: number, j: number) => compare(() => ({ subject: label(E[i]!, ordE[i]!, 'expected'), scope: `event:${E[i]!.type}` }), E[i]!, A[j]!);
  // The common case: the same events in the same order; only their generated values are compared
  // (checked before anything is paired, and without building a key per event).
  if (E.length === A.length && E.every((x, i) => alike(x, A[i]!, corr))) {
    for (let i = 0; i < E.length; i++) pair(i, i);
    return;
  }
  // Aligned by shape and by the generated values already paired (sessions the answers named);
  // values not paired yet may stand for anything.
  const kE = E.map((ev) => keyOf(ev, corr, 'expected'));
  const kA = A.map((ev) => keyOf(ev, corr, 'actual'));
  const e2a = new Map<number, number>();
  const a2e = new Map<number, number>();
  const hunks: Hunk[] = [];
  let ie = 0;
  let ia = 0;
  let open: Hunk | undefined;
  for (const c of diffArrays(kE, kA)) {
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      for (let k = 0; k < n; k++, ie++, ia++) {
        e2a.set(ie, ia);
        a2e.set(ia, ie);
        pair(ie, ia);
      }
      open = undefined;
      continue;
    }
    if (!open) hunks.push((open = { removed: [], added: [] }));
    for (let k = 0; k < n; k++) (c.removed ? open.removed : open.added).push(c.removed ? ie++ : ia++);
  }
  const after = (i: number | undefined) => (i === undefined ? 'at the start' : `after ${label(E[i]!, ordE[i]!, 'expected').replace(where, '')}${E[i]!.line === undefined ? '' : ` (line ${E[i]!.line})`}`);
  const prevE = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (e2a.has(k)) return k;
    return undefined;
  };
  const nextAt = (i: number) => {
    for (let k = i + 1; k < E.length; k++) {
      const j = e2a.get(k);
      if (j !== undefined && j >= 0) return A[j]!.at;
    }
    return undefined;
  };
  const prevA = (j: number) => {
    for (let k = j - 1; k >= 0; k--) if (a2e.has(k)) return a2e.get(k);
    return undefined;
  };
  const take = (i: number, j: number) => {
    e2a.set(i, j);
    a2e.set(j, i);
  };

  // Reordered: the same event removed in one place and added in another.
  const addedByKey = new Map<string, number[]>();
  for (const h of hunks) for (const j of h.added) (addedByKey.get(kA[j]!) ?? addedByKey.set(kA[j]!, []).get(kA[j]!)!).push(j);
  for (const h of hunks) {
    for (const i of h.removed) {
      const j = addedByKey.get(kE[i]!)?.shift();
      if (j === undefined) continue;
      take(i, j);
      const arrived = j === 0 ? 'first' : `after event ${A[j - 1]!.type} #${ordA[j - 1]!}`;
      const d: Difference = { kind: 'reordered', scope: `event:${E[i]!.type}`, subject: label(E[i]!, ordE[i]!, 'expected'), at: A[j]!.at, after: `expected ${after(prevE(i))}, arrived ${arrived}`, hint: `Expected at position ${i + 1} of this stream, arrived at position ${j + 1}.` };
      if (E[i]!.line !== undefined) d.line = E[i]!.line;
      sink.push(d);
      pair(i, j);
    }
  }
  // Duplicated: more copies than the golden trace has.
  const countE = countKeys(kE);
  const countA = countKeys(kA);
  for (const h of hunks) {
    for (const j of h.added) {
      if (a2e.has(j)) continue;
      const k = kA[j]!;
      const inE = countE.get(k) ?? 0;
      if (inE > 0 && (countA.get(k) ?? 0) > inE) {
        countA.set(k, countA.get(k)! - 1);
        a2e.set(j, -1);
        const first = E[kE.indexOf(k)];
        sink.push({ kind: 'duplicated', scope: `event:${A[j]!.type}`, subject: label(A[j]!, ordA[j]!, 'actual'), at: A[j]!.at, ...(first?.line === undefined ? {} : { line: first.line }), hint: 'The same event arrived more than once.' });
      }
    }
  }
  // Changed: what is left in a hunk pairs up by event type, in order, and is compared field by field.
  for (const h of hunks) {
    const add = h.added.filter((j) => !a2e.has(j));
    for (const i of h.removed) {
      if (e2a.has(i)) continue;
      const at = add.findIndex((j) => A[j]!.type === E[i]!.type);
      if (at === -1) continue;
      const j = add.splice(at, 1)[0]!;
      take(i, j);
      pair(i, j);
    }
  }
  for (const h of hunks) {
    for (const i of h.removed) {
      if (e2a.has(i)) continue;
      const d: Difference = { kind: 'missing', scope: `event:${E[i]!.type}`, subject: label(E[i]!, ordE[i]!, 'expected'), after: after(prevE(i)), expected: shown(E[i]!.norm, corr, 'expected'), hint: 'The golden trace has this event; the new path never sent it.' };
      if (E[i]!.line !== undefined) d.line = E[i]!.line;
      const gap = nextAt(i);
      if (gap !== undefined) d.gapAt = gap;
      sink.push(d);
    }
    for (const j of h.added) {
      if (a2e.has(j)) continue;
      const before = prevA(j);
      const line = before !== undefined && before >= 0 ? E[before]!.line : E[0]?.line;
      const d: Difference = { kind: 'extra', scope: `event:${A[j]!.type}`, subject: label(A[j]!, ordA[j]!, 'actual'), after: after(before !== undefined && before >= 0 ? before : undefined), at: A[j]!.at, actual: shown(A[j]!.norm, corr, 'actual'), hint: 'The new path sent an event the golden trace does not have.' };
      if (line !== undefined) d.line = line;
      sink.push(d);
    }
  }
}

/** The same alignment key, without building it. */
function alike(e: NormEvent, a: NormEvent, corr: Correspondence): boolean {
  if (e.norm.shapeText !== a.norm.shapeText) return false;
  const en = e.norm.names;
  const an = a.norm.names;
  if (en === undefined || an === undefined) return en === an;
  for (let i = 0; i < en.length; i++) if (corr.alignName(en[i]!, 'expected') !== corr.alignName(an[i]!, 'actual')) return false;
  return true;
}

function keyOf(ev: NormEvent, corr: Correspondence, side: 'expected' | 'actual'): string {
  const names = ev.norm.names;
  if (names === undefined) return ev.norm.shapeText;
  let k = ev.norm.shapeText;
  for (const n of names) k += `\u0001${corr.alignName(n, side)}`;
  return k;
}

/** Per event, how many events of its type came up to and including it: "session:updated #2". */
function ordinals(xs: readonly NormEvent[]): number[] {
  const seen = new Map<string, number>();
  return xs.map((x) => {
    const n = (seen.get(x.type) ?? 0) + 1;
    seen.set(x.type, n);
    return n;
  });
}

function countKeys(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
