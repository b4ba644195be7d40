/**
 * Classifies a schema change by who it can break. Params are input (the caller sends, the
 * handler reads): a new required field or a narrowed type breaks callers; a new optional field
 * or a widened type does not. Results and event payloads are output (the consumer reads): a
 * widened type or a field that may now be missing breaks consumers; a new field does not.
 * A removed field or an incompatible type change is breaking either way.
 */
import type { JsonSchema } from '../model.js';
import { sameJson } from '../build/canonical.js';

export type Direction = 'input' | 'output';
export type ChangeClass = 'breaking' | 'additive' | 'metadata';

export interface SchemaChange {
  class: ChangeClass;
  /** Dotted path inside the schema (`params.sessionId`). */
  path: string;
  message: string;
}

type S = JsonSchema;

export function diffSchema(before: S | undefined, after: S | undefined, dir: Direction, path: string): SchemaChange[] {
  const a = before ?? {};
  const b = after ?? {};
  if (sameJson(a, b)) return [];
  if (isObject(a) && isObject(b)) return diffObject(a, b, dir, path);
  if (isArray(a) && isArray(b) && !Array.isArray(a.items) && !Array.isArray(b.items)) {
    const inner = diffSchema(a.items as S | undefined, b.items as S | undefined, dir, `${path}[]`);
    if (inner.length) return inner;
  }
  return [leaf(a, b, dir, path)];
}

function diffObject(a: S, b: S, dir: Direction, path: string): SchemaChange[] {
  const out: SchemaChange[] = [];
  const pa = (a.properties ?? {}) as Record<string, S>;
  const pb = (b.properties ?? {}) as Record<string, S>;
  const ra = new Set((a.required ?? []) as string[]);
  const rb = new Set((b.required ?? []) as string[]);
  for (const key of [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort()) {
    const p = `${path}.${key}`;
    if (!(key in pa)) {
      if (rb.has(key)) out.push(dir === 'input' ? c('breaking', p, `new required field ${p} (${describe(pb[key]!)}): callers that do not send it break`) : c('additive', p, `new field ${p} (${describe(pb[key]!)})`));
      else out.push(c('additive', p, `new optional field ${p} (${describe(pb[key]!)})`));
      continue;
    }
    if (!(key in pb)) {
      out.push(c('breaking', p, `field ${p} removed`));
      continue;
    }
    if (ra.has(key) && !rb.has(key)) out.push(dir === 'input' ? c('additive', p, `${p} is now optional`) : c('breaking', p, `${p} may now be missing: consumers that rely on it break`));
    if (!ra.has(key) && rb.has(key)) out.push(dir === 'input' ? c('breaking', p, `${p} is now required: callers that do not send it break`) : c('additive', p, `${p} is now always present`));
    out.push(...diffSchema(pa[key], pb[key], dir, p));
  }
  const restA = { ...a, properties: undefined, required: undefined };
  const restB = { ...b, properties: undefined, required: undefined };
  if (!sameJson(restA, restB)) out.push(leaf({ ...restA, properties: {} }, { ...restB, properties: {} }, dir, path));
  return out;
}

function leaf(a: S, b: S, dir: Direction, path: string): SchemaChange {
  const ab = isSubset(a, b);
  const ba = isSubset(b, a);
  const what = `${describe(a)} → ${describe(b)}`;
  if (ab && ba) return c('metadata', path, `${path} rewritten without changing what it accepts (${what})`);
  if (ba) return dir === 'input' ? c('breaking', path, `${path} narrowed: ${what}; callers sending the rest break`) : c('additive', path, `${path} narrowed: ${what}`);
  if (ab) return dir === 'input' ? c('additive', path, `${path} widened: ${what}`) : c('breaking', path, `${path} widened: ${what}; consumers may get values they do not handle`);
  return c('breaking', path, `${path} changed type: ${what}`);
}

const c = (cls: ChangeClass, path: string, message: string): SchemaChange => ({ class: cls, path, message });

function isObject(s: S): boolean {
  return s.type === 'object' && s.anyOf === undefined;
}
function isArray(s: S): boolean {
  return s.type === 'array' && s.anyOf === undefined;
}

function typesOf(s: S): Set<string> | undefined {
  if (s.type === undefined) return undefined;
  return new Set(Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]);
}

/** Whether every value `x` accepts, `y` accepts too. Conservative: false when it cannot tell. */
export function isSubset(x: S, y: S): boolean {
  if (Object.keys(y).length === 0 || (Object.keys(y).length === 1 && typeof y.description === 'string')) return true;
  if (x.not !== undefined && Object.keys(x.not as object).length === 0) return true;
  if (Array.isArray(x.anyOf)) return (x.anyOf as S[]).every((b) => isSubset(b, y));
  if (Array.isArray(y.anyOf)) return (y.anyOf as S[]).some((b) => isSubset(x, b));
  if (Object.keys(x).length === 0) return false;
  const tx = typesOf(x);
  const ty = typesOf(y);
  if (ty) {
    if (!tx) return false;
    for (const t of tx) if (!ty.has(t) && !(t === 'integer' && ty.has('number'))) return false;
  }
  if (Array.isArray(y.enum)) {
    if (!Array.isArray(x.enum)) return false;
    if (!(x.enum as unknown[]).every((v) => (y.enum as unknown[]).some((w) => sameJson(v, w)))) return false;
  }
  if (y.format !== undefined && y.format !== x.format) return false;
  if (tx?.has('object') && ty?.has('object')) {
    const px = (x.properties ?? {}) as Record<string, S>;
    const py = (y.properties ?? {}) as Record<string, S>;
    const rx = new Set((x.required ?? []) as string[]);
    for (const r of (y.required ?? []) as string[]) if (!rx.has(r)) return false;
    for (const [k, ps] of Object.entries(py)) {
      if (k in px) {
        if (!isSubset(px[k]!, ps)) return false;
      } else if (Object.keys(ps).length > 0 && x.additionalProperties !== false) return false;
    }
    if (y.additionalProperties === false && x.additionalProperties !== false) return false;
  }
  if (tx?.has('array') && ty?.has('array') && y.items !== undefined && !Array.isArray(y.items)) {
    if (x.items === undefined || Array.isArray(x.items) || !isSubset(x.items as S, y.items as S)) return false;
  }
  return true;
}

/** A short description for messages: `string`, `"a" | "b"`, `object`, `string[]`. */
export function describe(s: S): string {
  if (Object.keys(s).length === 0) return 'any';
  if (Array.isArray(s.anyOf)) return (s.anyOf as S[]).map(describe).join(' | ');
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s.type === 'array') return `${s.items && !Array.isArray(s.items) ? describe(s.items as S) : 'any'}[]`;
  if (s.type !== undefined) return Array.isArray(s.type) ? (s.type as string[]).join(' | ') : String(s.type);
  if (s.not !== undefined) return 'never';
  return 'schema';
}
