import type { Segment } from './json-path.js';

export type PathDiffKind = 'missing' | 'extra' | 'changed-value' | 'changed-type';

export interface PathDiff {
  kind: PathDiffKind;
  path: Segment[];
  expected?: unknown;
  actual?: unknown;
  /** The value on that side is (or holds) a generated value: an id, a UUID, a temp path. */
  generated?: { expected?: true; actual?: true };
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Whether two strings are equal; the default is `===`. A comparison of placeholders supplies its
 * own, which may pair two generated values on the way (`commit`), or only says whether they are
 * already known to be the same (`commit` false).
 */
export type StringsEqual = (expected: string, actual: string, commit: boolean) => boolean;

const same: StringsEqual = (e, a) => e === a;
// Keys that hold a generated value (a map keyed by session id) are marked by their holes.
const MARK = '\uE000';

/**
 * Every place two normalized values differ, by JSON path; arrays index by index. Keys are own
 * keys only: a key named `__proto__` in a message is data like any other.
 */
export function deepDiff(expected: unknown, actual: unknown, equal: StringsEqual = same, path: Segment[] = [], out: PathDiff[] = []): PathDiff[] {
  const te = jsonType(expected);
  const ta = jsonType(actual);
  if (te !== ta) {
    out.push({ kind: 'changed-type', path, expected, actual });
    return out;
  }
  if (te === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    const n = Math.min(e.length, a.length);
    for (let i = 0; i < n; i++) deepDiff(e[i], a[i], equal, [...path, i], out);
    for (let i = n; i < e.length; i++) out.push({ kind: 'missing', path: [...path, i], expected: e[i] });
    for (let i = n; i < a.length; i++) out.push({ kind: 'extra', path: [...path, i], actual: a[i] });
    return out;
  }
  if (te === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const eOnly: string[] = [];
    // Keys both have first: the values under them pair the generated values a keyed map may use.
    for (const k of Object.keys(e)) {
      if (Object.hasOwn(a, k)) deepDiff(e[k], a[k], equal, [...path, k], out);
      else eOnly.push(k);
    }
    const aOnly = Object.keys(a).filter((k) => !Object.hasOwn(e, k));
    for (const [ek, ak] of pairMarkedKeys(eOnly, aOnly, equal)) {
      if (ek !== undefined && ak !== undefined) deepDiff(e[ek], a[ak], equal, [...path, ek], out);
      else if (ek !== undefined) out.push({ kind: 'missing', path: [...path, ek], expected: e[ek] });
      else out.push({ kind: 'extra', path: [...path, ak!], actual: a[ak!] });
    }
    return out;
  }
  if (te === 'string' ? !equal(expected as string, actual as string, true) : expected !== actual) out.push({ kind: 'changed-value', path, expected, actual });
  return out;
}

/**
 * Keys only one side has, paired where they name the same generated value (their order in a
 * message follows the raw ids, which differ between runs): first those already known to be the
 * same, then any that can be. The rest are missing or extra.
 */
function pairMarkedKeys(eOnly: string[], aOnly: string[], equal: StringsEqual): [string | undefined, string | undefined][] {
  const out: [string | undefined, string | undefined][] = [];
  const usedA = new Set<string>();
  const left: string[] = [];
  if (equal !== same && eOnly.some((k) => k.includes(MARK)) && aOnly.some((k) => k.includes(MARK))) {
    for (const commit of [false, true]) {
      for (const ek of commit ? left.splice(0) : eOnly) {
        const ak = ek.includes(MARK) ? aOnly.find((k) => !usedA.has(k) && k.includes(MARK) && equal(ek, k, commit)) : undefined;
        if (ak === undefined) {
          if (!commit) left.push(ek);
          else out.push([ek, undefined]);
          continue;
        }
        usedA.add(ak);
        out.push([ek, ak]);
      }
    }
  } else for (const ek of eOnly) out.push([ek, undefined]);
  for (const ak of aOnly) if (!usedA.has(ak)) out.push([undefined, ak]);
  return out;
}
