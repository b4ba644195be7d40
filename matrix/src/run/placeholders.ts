import { PlaceholderError, expandText, expandValue, shellQuote, type ExpandOptions } from '../../../core/src/placeholders.js';

export { PlaceholderError };

/**
 * The matrix file's placeholders, in core's one syntax: `{{tmp}}`, `{{os}}`, `{{mode}}`,
 * `{{root}}`, `{{env.NAME}}`, and `{{ready.<path>}}` from the target's JSON ready line; `extra`
 * adds names a check binds itself (a lifecycle check's captured answers).
 * `shell` quotes every substituted value for the shell, for command lines run through one.
 */
export function expandPlaceholders(value: string, vars: Record<string, string>, ready: unknown, shell = false, extra: Record<string, unknown> = {}): string {
  return expandText(value, scopeOf(vars, ready, extra), { ...(shell ? { quote: shellQuote } : {}), unknown: unknownMessage(vars, extra) });
}

/** The same inside any JSON value (request params, expected values); a string that is exactly one reference keeps the value's type. */
export function expandPlaceholdersIn<T>(value: T, vars: Record<string, string>, ready: unknown, extra: Record<string, unknown> = {}): T {
  return expandValue(value, scopeOf(vars, ready, extra), { unknown: unknownMessage(vars, extra) });
}

function scopeOf(vars: Record<string, string>, ready: unknown, extra: Record<string, unknown>): Record<string, unknown> {
  return { ...vars, ...(ready !== undefined ? { ready } : {}), ...extra };
}

function unknownMessage(vars: Record<string, string>, extra: Record<string, unknown>): ExpandOptions['unknown'] {
  return (name, ref) =>
    name === 'ready'
      ? `${ref} needs a target whose ready line is JSON (set the row's target and its ready.stdout)`
      : `unknown placeholder ${ref} (known: ${[...Object.keys(vars), ...Object.keys(extra).filter((k) => k !== 'ready').map((k) => `${k}.*`), 'env.NAME', 'ready.*'].map((k) => `{{${k}}}`).join(', ')})`;
}
