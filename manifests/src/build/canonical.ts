/**
 * Canonical JSON: object keys sorted, and the arrays whose order means nothing (`required`,
 * `enum`, `anyOf` branches, `type` lists) sorted too, so reordering a TypeScript interface or a
 * union does not show up as a change.
 */
import type { JsonSchema } from '../model.js';

const UNORDERED = new Set(['required', 'enum', 'anyOf', 'oneOf', 'type']);

export function canonicalSchema(schema: JsonSchema): JsonSchema {
  return canonical(schema) as JsonSchema;
}

function canonical(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    if (key && UNORDERED.has(key)) {
      const keyed = items.map((v) => [JSON.stringify(v), v] as const);
      keyed.sort((a, b) => compare(a[0], b[0]));
      const seen = new Set<string>();
      return keyed.filter(([k]) => (seen.has(k) ? false : (seen.add(k), true))).map(([, v]) => v);
    }
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort(compare)) out[k] = canonical((value as Record<string, unknown>)[k], k);
    return out;
  }
  return value;
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** One schema for several variants: the single one, or `anyOf` of the distinct ones. */
export function unionOf(schemas: readonly JsonSchema[]): JsonSchema | undefined {
  const distinct = new Map<string, JsonSchema>();
  for (const s of schemas) {
    const c = canonicalSchema(s);
    distinct.set(JSON.stringify(c), c);
  }
  if (distinct.size === 0) return undefined;
  if ([...distinct.keys()].includes('{}')) return {};
  if (distinct.size === 1) return [...distinct.values()][0];
  return canonicalSchema({ anyOf: [...distinct.values()] });
}
