import { placeholderUses } from '../../../core/src/placeholders.js';

/** Names every cell has (`{{ready.…}}` is checked when the target's ready line is known). */
const CELL_NAMES = ['tmp', 'os', 'mode', 'root', 'env', 'ready'];

export interface NameProblem {
  at: (string | number)[];
  message: string;
}

/**
 * Placeholder names a matrix file uses, checked when it is read: a typo (`{{tmpp}}`,
 * `{{creatd.result.id}}`) is a problem in the file at its line, not a cell that fails or errors
 * halfway through, after its target started. A row may also use the names its check captures
 * with `as` (a lifecycle step's answer); whether the capture comes before the use is the check
 * kind's own validation.
 */
export function placeholderNameProblems(data: { targets?: Record<string, unknown>; rows: { check: unknown }[] }): NameProblem[] {
  const unknown = (value: unknown, at: (string | number)[], known: readonly string[]): NameProblem[] =>
    placeholderUses(value, at)
      .filter((u) => !known.includes(u.name))
      .map((u) => ({ at: u.at, message: `unknown placeholder ${u.ref} (known here: ${known.filter((k) => k !== 'env' && k !== 'ready').map((k) => (CELL_NAMES.includes(k) ? `{{${k}}}` : `{{${k}.…}}`)).join(', ')}, {{env.NAME}}, {{ready.…}})` }));
  return [
    ...Object.entries(data.targets ?? {}).flatMap(([name, t]) => unknown(t, ['targets', name], CELL_NAMES)),
    ...data.rows.flatMap((row, i) => unknown(row.check, ['rows', i, 'check'], [...CELL_NAMES, ...captures(row.check)])),
  ];
}

/** Every `as: NAME` inside a check: the names it binds for later steps. */
function captures(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(captures);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'as' && typeof v === 'string' ? [v] : captures(v)));
}
