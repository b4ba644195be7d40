/** Producer/consumer references: made from facts, sorted stably, and stripped of file:line on request. */
import type { Loc } from '../model.js';
import { compare } from './canonical.js';
import type { Ref } from './types.js';

export function ref(side: Ref['side'], kind: Ref['kind'], loc: Loc | undefined, extra: Omit<Ref, 'side' | 'kind' | 'file' | 'line'> = {}): Ref {
  const r: Ref = { side, kind };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
  if (loc) {
    r.file = loc.file;
    r.line = loc.line;
  }
  return r;
}

const KEY_ORDER: (keyof Ref)[] = ['side', 'kind', 'name', 'path', 'from', 'prefix', 'keys', 'registered', 'file', 'line'];

function orderKeys(r: Ref): Ref {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (r[k] !== undefined) out[k] = r[k];
  return out as unknown as Ref;
}

function sortKey(r: Ref): string {
  return [r.side, r.kind, r.name ?? '', r.path ?? '', r.from ?? '', r.prefix ?? '', r.file ?? '', String(r.line ?? 0).padStart(8, '0'), (r.keys ?? []).join(',')].join('\u0000');
}

/** Sorted, with duplicates (the same site without a location) merged. */
export function sortRefs(refs: readonly Ref[], locations: boolean): Ref[] {
  const out = new Map<string, Ref>();
  for (const r of refs) {
    const plain = locations ? r : { ...r, file: undefined, line: undefined };
    const o = orderKeys(plain);
    out.set(sortKey(o), o);
  }
  return [...out.entries()].sort((a, b) => compare(a[0], b[0])).map(([, r]) => r);
}
