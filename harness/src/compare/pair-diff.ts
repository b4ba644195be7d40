import type { Correspondence } from './correspondence.js';
import { deepDiff, type PathDiff } from './deep-diff.js';
import { HOLE_OPEN, MARKED, type Norm } from './norm.js';

/**
 * Two normalized messages compared through the correspondence: alike when their shapes are
 * equal and every generated value stands for its partner (values seen here for the first time
 * on both sides become partners). Undefined when alike; otherwise where they differ.
 */
export function compareNorms(e: Norm, a: Norm, corr: Correspondence): PathDiff[] | undefined {
  if (e.shapeText === a.shapeText && holesMatch(e, a, corr)) return undefined;
  const diffs = deepDiff(e.marked(), a.marked(), (x, y, commit) => stringsMatch(x, y, e, a, corr, commit));
  if (!diffs.length) return undefined;
  const gen = (v: unknown) => typeof v === 'string' && v.indexOf(HOLE_OPEN) !== -1;
  return diffs.map((d) => ({
    ...d,
    ...(gen(d.expected) || gen(d.actual) ? { generated: { ...(gen(d.expected) ? { expected: true as const } : {}), ...(gen(d.actual) ? { actual: true as const } : {}) } } : {}),
    path: d.path.map((s) => (typeof s === 'string' && s.indexOf(HOLE_OPEN) !== -1 ? (render(s, e, corr, 'expected') as string) : s)),
    ...('expected' in d ? { expected: render(d.expected, e, corr, 'expected') } : {}),
    ...('actual' in d ? { actual: render(d.actual, a, corr, 'actual') } : {}),
  }));
}

function holesMatch(e: Norm, a: Norm, corr: Correspondence): boolean {
  const en = e.names;
  const an = a.names;
  if (en === undefined || an === undefined) return en === an;
  let ok = true;
  // Every hole is looked at, so each pair that stands together is paired even after a mismatch.
  for (let i = 0; i < en.length; i++) if (!corr.match(en[i]!, an[i]!)) ok = false;
  return ok;
}

function stringsMatch(x: string, y: string, e: Norm, a: Norm, corr: Correspondence, commit: boolean): boolean {
  if (x.indexOf(HOLE_OPEN) === -1 && y.indexOf(HOLE_OPEN) === -1) return x === y;
  const xs = x.split(MARKED);
  const ys = y.split(MARKED);
  // split with a capture group: literal, hole index, literal, …
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i += 2) if (xs[i] !== ys[i]) return false;
  const pairs: [string, string][] = [];
  for (let i = 1; i < xs.length; i += 2) pairs.push([e.names![Number(xs[i])]!, a.names![Number(ys[i])]!]);
  if (!commit) return pairs.every(([en, an]) => corr.known(en, an));
  let ok = true;
  for (const [en, an] of pairs) if (!corr.match(en, an)) ok = false;
  return ok;
}

/** A marked value as a report shows it: each generated value by its name (see Correspondence.show). */
export function render(v: unknown, n: Norm, corr: Correspondence, side: 'expected' | 'actual'): unknown {
  if (typeof v === 'string') return v.indexOf(HOLE_OPEN) === -1 ? v : v.replace(MARKED, (_m, i: string) => corr.show(n.names![Number(i)]!, side));
  if (Array.isArray(v)) return v.map((x) => render(x, n, corr, side));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.indexOf(HOLE_OPEN) === -1 ? k : (render(k, n, corr, side) as string), render(x, n, corr, side)]));
  return v;
}

/** The whole message as a report shows it. */
export function shown(n: Norm, corr: Correspondence, side: 'expected' | 'actual'): unknown {
  return n.names === undefined ? JSON.parse(n.shapeText) : render(n.marked(), n, corr, side);
}
