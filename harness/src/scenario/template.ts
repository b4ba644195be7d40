import { getPath } from '../compare/json-path.js';
import type { JsonObject } from '../profiles/profile.js';

const WHOLE = /^\{\{\s*([A-Za-z_][\w-]*)((?:\.[^{}\s]+)?)\s*\}\}$/;
const PART = /\{\{\s*([A-Za-z_][\w-]*)((?:\.[^{}\s]+)?)\s*\}\}/g;

export class TemplateError extends Error {}

/** True when some string inside holds a {{name.path}} reference. */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (value && typeof value === 'object') return Object.values(value).some(hasTemplate);
  return false;
}

/**
 * Resolves `{{name.path}}` against what earlier steps bound (a response under `as`, an
 * awaited event). A string that is one reference keeps the referenced value's type.
 */
export function resolveTemplate<T>(value: T, bindings: ReadonlyMap<string, unknown>): T {
  const lookup = (name: string, dotted: string): unknown => {
    if (!bindings.has(name)) throw new TemplateError(`{{${name}${dotted}}} refers to "${name}", which no earlier step bound (use as: ${name})`);
    const v = dotted ? getPath(bindings.get(name), dotted.slice(1)) : bindings.get(name);
    if (v === undefined) throw new TemplateError(`{{${name}${dotted}}}: "${name}" has nothing at ${dotted.slice(1)}`);
    return v;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const whole = WHOLE.exec(v);
      if (whole) return lookup(whole[1]!, whole[2] ?? '');
      return v.includes('{{') ? v.replace(PART, (_m, name: string, dotted: string) => String(lookup(name, dotted ?? ''))) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

export function asObject(v: unknown): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}
