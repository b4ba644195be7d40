import { CATEGORIES, type Reason } from './types.js';

// Within a category, the ids that say more about the release come first.
const ID_ORDER = [
  'gate-internal-error',
  'gate-input-unreadable',
  'gate-section-missing',
  'task-source-unreadable',
  'task-source-empty',
  'task-malformed',
  'task-unknown-status',
  'task-duplicate-id',
  'task-subtask-open',
  'gate-contract-findings',
  'gate-report-missing',
  'gate-report-tampered',
  'gate-report-duplicate-cell',
  'gate-report-stale',
  'gate-cell-failed',
  'gate-cell-missing',
  'gate-row-unknown-task',
  'gate-task-not-run',
  'gate-task-open',
  'gate-evidence-invalid',
  'gate-signoff-future',
  'gate-signoff-missing',
];

// A blocked task says more than one that has not started.
const STATUS_ORDER = ['blocked', 'in_progress', 'in_review', 'not_started'];

const idRank = (id: string) => {
  const i = ID_ORDER.indexOf(id);
  return i < 0 ? ID_ORDER.length : i;
};
const statusRank = (r: Reason) => {
  const s = r.data?.status;
  const i = typeof s === 'string' ? STATUS_ORDER.indexOf(s) : -1;
  return i < 0 ? STATUS_ORDER.length : i;
};

/** Blocking reasons by impact: category (unreadable inputs first … sign-offs last), id, task status, then file and line. */
export function rankReasons(reasons: readonly Reason[]): Reason[] {
  return [...reasons].sort(
    (a, b) =>
      (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      idRank(a.id) - idRank(b.id) ||
      statusRank(a) - statusRank(b) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.message.localeCompare(b.message),
  );
}
