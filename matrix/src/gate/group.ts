import { CATEGORIES, type Category, type Reason } from './types.js';

/**
 * Blocking reasons grouped the way a person reads a verdict: one line for "85 tasks lack evidence
 * sections — Rollback Path ×81, Risk Notes ×69 …" instead of 150 lines, project-wide problems
 * (no sign-off file, a stale report) before per-task ones, each with the count it affects.
 */
export interface ReasonGroup {
  /** The finding id (for evidence, the linter's own id: evidence-section-missing …). */
  id: string;
  category: Category;
  /** About the release as a whole rather than one task, cell or file. */
  projectWide: boolean;
  /** One line: the reason itself for a group of one, else a count and a breakdown. */
  title: string;
  /** Tasks, cells or roles affected. */
  affected: number;
  hint?: string;
  reasons: Reason[];
}

const PROJECT_WIDE = new Set([
  'gate-internal-error',
  'gate-input-unreadable',
  'gate-section-missing',
  'gate-report-missing',
  'gate-report-stale',
  'gate-signoff-missing',
  'gate-signoff-future',
  'task-source-unreadable',
  'task-source-empty',
  'evidence-sections-dropped',
]);

const STATUS_WORDS: Record<string, string> = { blocked: 'blocked', in_progress: 'in progress', in_review: 'in review', not_started: 'not started', done: 'done' };

/** The id that says what went wrong: an evidence reason carries the linter's. */
const groupId = (r: Reason) => (r.id === 'gate-evidence-invalid' && typeof r.data?.finding === 'string' ? r.data.finding : r.id);

function tally(values: readonly string[], max = 4): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, max).map(([v, n]) => (n > 1 ? `${v} ×${n}` : v));
  return `${shown.join(', ')}${sorted.length > max ? ', …' : ''}`;
}

const distinct = (values: readonly unknown[]) => new Set(values.filter((v) => v !== undefined)).size;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Title and affected count of a group of two or more. */
function summarize(id: string, rs: readonly Reason[]): { title: string; affected: number } {
  const tasks = distinct(rs.map((r) => str(r.data?.taskId) ?? `${r.file}:${r.line}`));
  const field = (k: string) => rs.map((r) => str(r.data?.[k])).filter((v): v is string => v !== undefined);
  switch (id) {
    case 'evidence-section-missing':
      return { title: `${plural(tasks, 'task lacks', 'tasks lack')} evidence sections — ${tally(field('section'))}`, affected: tasks };
    case 'evidence-section-empty':
      return { title: `${plural(tasks, 'task has', 'tasks have')} empty evidence sections — ${tally(field('section'))}`, affected: tasks };
    case 'evidence-missing':
      return { title: `${plural(tasks, 'done task has', 'done tasks have')} no evidence file — ${tally(field('taskId'), 6)}`, affected: tasks };
    case 'gate-task-open':
      return { title: `${plural(rs.length, 'task is', 'tasks are')} not done — ${tally(field('status').map((s) => STATUS_WORDS[s] ?? s))}`, affected: rs.length };
    case 'gate-cell-failed':
      return { title: `${plural(rs.length, 'required cell', 'required cells')} failed — ${tally(field('row'))}`, affected: rs.length };
    case 'gate-cell-missing':
      return { title: `${plural(rs.length, 'required cell has', 'required cells have')} no result — ${tally(field('os'))}`, affected: rs.length };
    case 'gate-signoff-missing':
      return { title: `${plural(rs.length, 'role has', 'roles have')} not approved — ${field('role').join(', ')}`, affected: rs.length };
    default: {
      const first = rs[0]!.message;
      return { title: `${first.length > 100 ? `${first.slice(0, 97)}…` : first} (and ${rs.length - 1} more like it)`, affected: tasks };
    }
  }
}

/** Groups ranked reasons (see rank.ts): project-wide groups first, then by category, then the larger first. */
export function groupReasons(ranked: readonly Reason[]): ReasonGroup[] {
  const byKey = new Map<string, Reason[]>();
  for (const r of ranked) {
    const key = `${r.category}\u0000${groupId(r)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const groups = [...byKey.values()].map((rs): ReasonGroup => {
    const id = groupId(rs[0]!);
    const one = rs.length === 1;
    const { title, affected } = one ? { title: rs[0]!.message, affected: 1 } : summarize(id, rs);
    const hints = new Set(rs.map((r) => r.hint));
    return { id, category: rs[0]!.category, projectWide: PROJECT_WIDE.has(id), title, affected, ...(hints.size === 1 && rs[0]!.hint ? { hint: rs[0]!.hint } : {}), reasons: rs };
  });
  // Stable: groups keep the rank order of their first reason unless project-wide or category says otherwise.
  const first = new Map(groups.map((g) => [g, ranked.indexOf(g.reasons[0]!)]));
  return groups.sort(
    (a, b) =>
      Number(b.projectWide) - Number(a.projectWide) ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      first.get(a)! - first.get(b)!,
  );
}
