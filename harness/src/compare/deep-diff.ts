import type { Segment } from './json-path.js';

export type PathDiffKind = 'missing' | 'extra' | 'changed-value' | 'changed-type';

export interface PathDiff {
  kind: PathDiffKind;
  path: Segment[];
  expected?: unknown;
  actual?: unknown;
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Every place two normalized values differ, by JSON path; arrays index by index. */
export function deepDiff(expected: unknown, actual: unknown, path: Segment[] = [], out: PathDiff[] = []): PathDiff[] {
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
    for (let i = 0; i < n; i++) deepDiff(e[i], a[i], [...path, i], out);
    for (let i = n; i < e.length; i++) out.push({ kind: 'missing', path: [...path, i], expected: e[i] });
    for (let i = n; i < a.length; i++) out.push({ kind: 'extra', path: [...path, i], actual: a[i] });
    return out;
  }
  if (te === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const k of Object.keys(e)) {
      if (!(k in a)) out.push({ kind: 'missing', path: [...path, k], expected: e[k] });
      else deepDiff(e[k], a[k], [...path, k], out);
    }
    for (const k of Object.keys(a)) if (!(k in e)) out.push({ kind: 'extra', path: [...path, k], actual: a[k] });
    return out;
  }
  if (expected !== actual) out.push({ kind: 'changed-value', path, expected, actual });
  return out;
}
