import { PlaceholderError, expandText, shellQuote } from '../../../core/src/placeholders.js';

export { PlaceholderError };

/**
 * The matrix file's placeholders, in core's one syntax: `{{tmp}}`, `{{os}}`, `{{mode}}`,
 * `{{root}}`, `{{env.NAME}}`, and `{{ready.<path>}}` from the target's JSON ready line; `extra`
 * adds names a check binds itself (a lifecycle check's captured answers).
 * `shell` quotes every substituted value for the shell, for command lines run through one.
 */
export function expandPlaceholders(value: string, vars: Record<string, string>, ready: unknown, shell = false, extra: Record<string, unknown> = {}): string {
  return expandText(value, { ...vars, ...(ready !== undefined ? { ready } : {}), ...extra }, {
    ...(shell ? { quote: shellQuote } : {}),
    unknown: (name, ref) =>
      name === 'ready'
        ? `${ref} needs a target whose ready line is JSON (set the row's target and its ready.stdout)`
        : `unknown placeholder ${ref} (known: ${[...Object.keys(vars), ...Object.keys(extra).filter((k) => k !== 'ready').map((k) => `${k}.*`), 'env.NAME', 'ready.*'].map((k) => `{{${k}}}`).join(', ')})`,
  });
}
