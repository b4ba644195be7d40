import { ConfigError } from '../../../core/src/errors.js';
import { cutoverVersion } from '../../../core/src/paths.js';
import { cellKey } from '../matrix-file/types.js';
import { summarize } from './io.js';
import type { CellResult, CellStatus, MatrixReport } from './types.js';

// Which result of a cell speaks for it when there are several: a run beats a declaration, a
// declaration beats "not run here"; between two runs the worse wins. One rule for merging shards
// and for reading a report that holds a cell twice.
const RANK: Record<CellStatus, number> = { skipped: 0, not_applicable: 1, passed: 2, inconclusive: 3, failed: 4, error: 5 };

/** The result that speaks for a cell held twice: the worse, saying what the other one was. */
export function worseCell(prev: CellResult, next: CellResult): CellResult {
  if (RANK[next.status] <= RANK[prev.status]) return prev;
  return RANK[prev.status] >= RANK.passed ? { ...next, message: `${next.message} (another result had ${prev.status})` } : next;
}

/** A report's cells by row × os × mode, the worse kept for a cell held twice, and the cells held more than once. */
export function indexCells(cells: readonly CellResult[]): { byKey: Map<string, CellResult>; order: string[]; duplicates: Array<{ key: string; cells: CellResult[] }> } {
  const byKey = new Map<string, CellResult>();
  const all = new Map<string, CellResult[]>();
  const order: string[] = [];
  for (const c of cells) {
    const key = cellKey(c.row, c.os, c.mode);
    const prev = byKey.get(key);
    if (!prev) order.push(key);
    byKey.set(key, prev ? worseCell(prev, c) : c);
    all.set(key, [...(all.get(key) ?? []), c]);
  }
  const duplicates = [...all].filter(([, cs]) => cs.length > 1).map(([key, cs]) => ({ key, cells: cs }));
  return { byKey, order, duplicates };
}

/**
 * Combines the reports of sharded runs (one per OS and shard) into one. They must come from the
 * same matrix file and the same tree; a cell run by two reports keeps the worse result.
 */
export function mergeReports(reports: ReadonlyArray<{ file: string; report: MatrixReport }>): MatrixReport {
  if (reports.length === 0) throw new ConfigError('nothing to merge: no report files given');
  const first = reports[0]!;
  for (const { file, report } of reports.slice(1)) {
    if (report.matrix.hash !== first.report.matrix.hash) {
      throw new ConfigError(`${file} ran a different matrix file than ${first.file} (${report.matrix.file} ${report.matrix.hash.slice(0, 12)} vs ${first.report.matrix.hash.slice(0, 12)})`, {
        hint: 'Merge only reports from one workflow run of one commit.',
      });
    }
    const a = first.report.commit;
    const b = report.commit;
    if (a.sha !== b.sha || a.fingerprint !== b.fingerprint) {
      throw new ConfigError(`${file} ran on a different tree than ${first.file} (${b.sha?.slice(0, 12) ?? 'no commit'}${b.dirty ? ' with changes' : ''} vs ${a.sha?.slice(0, 12) ?? 'no commit'}${a.dirty ? ' with changes' : ''})`, {
        hint: 'Every shard must check out the same commit and leave tracked files unchanged.',
      });
    }
  }
  const { byKey, order } = indexCells(reports.flatMap((r) => r.report.cells));
  const merged = order.map((k) => byKey.get(k)!);
  const excluded = [...new Set(reports.flatMap((r) => r.report.commit.excluded))].sort();
  return {
    format: 'cutover-matrix-report',
    version: 1,
    matrix: first.report.matrix,
    commit: { ...first.report.commit, excluded },
    createdAt: new Date().toISOString(),
    cutoverVersion: cutoverVersion(),
    runs: reports.flatMap((r) => r.report.runs),
    cells: merged,
    summary: summarize(merged),
  };
}

const RAN = new Set<CellStatus>(['passed', 'failed', 'error', 'inconclusive']);

/**
 * A `--filter` run's results merged into the report already there: the cells this run ran take
 * its results, every other cell keeps the one the earlier report had. Only a report of the same
 * matrix file on the same tree (same fingerprint) is merged; otherwise it is replaced, and the
 * reason is returned for a warning.
 */
export function mergeFilteredRun(previous: MatrixReport | undefined, current: MatrixReport): { report: MatrixReport; note?: string } {
  if (!previous) return { report: current };
  if (previous.matrix.hash !== current.matrix.hash) return { report: current, note: 'the report already there ran another version of the matrix file: replaced, not merged' };
  if (previous.commit.fingerprint === null || previous.commit.fingerprint !== current.commit.fingerprint) {
    return { report: current, note: 'the report already there ran on other versions of the checked files: replaced, not merged' };
  }
  const before = indexCells(previous.cells).byKey;
  const cells = current.cells.map((c) => {
    if (RAN.has(c.status)) return c;
    const old = before.get(cellKey(c.row, c.os, c.mode));
    return old && RAN.has(old.status) ? old : c;
  });
  return { report: { ...current, runs: [...previous.runs, ...current.runs], cells, summary: summarize(cells) } };
}
