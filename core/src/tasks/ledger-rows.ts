import path from 'node:path';
import type { Finding } from '../findings.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { SourceOptions } from './options.js';
import { LEDGER_STATUSES, UNKNOWN_STATUS_FALLBACK, vocabulary } from './statuses.js';
import { taskFinding } from './task-finding.js';
import type { Task, TaskSourceResult } from './types.js';

export type LedgerField = 'id' | 'status' | 'title' | 'owner' | 'phase' | 'evidence';
const FIELDS: readonly LedgerField[] = ['id', 'status', 'title', 'owner', 'phase', 'evidence'];

/** One ledger row, whatever the file format: its 1-based line and a lookup by column name. */
export interface LedgerRow {
  line: number;
  get(column: string): unknown;
}

export function ledgerColumns(opts: SourceOptions): Record<LedgerField, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, opts.columns?.[f] ?? f])) as Record<LedgerField, string>;
}

const text = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)).trim();
  return s === '' ? undefined : s;
};

/** Maps ledger rows onto tasks through the configured columns and locked status vocabulary. */
export function rowsToTasks(file: string, rows: readonly LedgerRow[], opts: SourceOptions): TaskSourceResult {
  const cols = ledgerColumns(opts);
  const statuses = vocabulary(opts.statuses, LEDGER_STATUSES);
  const known = [...statuses.keys()];
  const tasks: Task[] = [];
  const findings: Finding[] = [];
  for (const row of rows) {
    const id = text(row.get(cols.id));
    const rawStatus = text(row.get(cols.status));
    if (id === undefined) {
      findings.push(taskFinding('task-malformed', file, row.line, `row has no task id (column "${cols.id}")`, 'Give every row an id, or remove the row.'));
      continue;
    }
    if (rawStatus === undefined) {
      findings.push(taskFinding('task-malformed', file, row.line, `task ${id} has no status (column "${cols.status}")`, `Set one of: ${known.join(', ')}.`));
      continue;
    }
    let status = statuses.get(rawStatus);
    if (status === undefined) {
      const guess = didYouMean(rawStatus, known);
      findings.push(
        taskFinding(
          'task-unknown-status',
          file,
          row.line,
          `status "${rawStatus}" of ${id} is not one of ${known.join(', ')}`,
          guess ? `Did you mean "${guess}"? Otherwise map "${rawStatus}" under tasks.sources[].statuses.` : `Use one of ${known.join(', ')}, or map "${rawStatus}" under tasks.sources[].statuses.`,
          { rawStatus },
        ),
      );
      status = UNKNOWN_STATUS_FALLBACK;
    }
    const owner = text(row.get(cols.owner));
    const phase = text(row.get(cols.phase));
    const evidence = text(row.get(cols.evidence));
    tasks.push({
      id,
      title: text(row.get(cols.title)) ?? '',
      status,
      rawStatus,
      ...(owner !== undefined ? { owner } : {}),
      ...(phase !== undefined ? { phase } : {}),
      // Like a link in a document, an evidence path in a ledger is relative to the ledger itself,
      // unless the source names another base (ledgers often write paths from the repository root).
      ...(evidence !== undefined ? { evidenceFile: path.resolve(opts.evidenceBase ?? path.dirname(file), evidence), evidenceRef: evidence } : {}),
      file,
      line: row.line,
    });
  }
  return { tasks, findings };
}
