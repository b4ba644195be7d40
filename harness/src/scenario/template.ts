import { PlaceholderError, expandValue, hasPlaceholder } from '../../../core/src/placeholders.js';
import type { JsonObject } from '../profiles/profile.js';

export class TemplateError extends Error {}

/** True when some string inside holds a {{name.path}} reference. */
export const hasTemplate = hasPlaceholder;

/**
 * Resolves `{{name.path}}` against what earlier steps bound (a response under `as`, an
 * awaited event), with core's one placeholder syntax. A string that is one reference keeps the
 * referenced value's type.
 */
export function resolveTemplate<T>(value: T, bindings: ReadonlyMap<string, unknown>): T {
  try {
    return expandValue(value, Object.fromEntries(bindings), {
      unknown: (name, ref) => `${ref} refers to "${name}", which no earlier step bound (use as: ${name})`,
    });
  } catch (e) {
    if (e instanceof PlaceholderError) throw new TemplateError(e.message);
    throw e;
  }
}

export function asObject(v: unknown): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}
