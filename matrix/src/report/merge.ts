import { ConfigError } from '../../../core/src/errors.js';
import { cutoverVersion } from '../../../core/src/paths.js';
import { cellKey } from '../matrix-file/types.js';
import { summarize } from './io.js';
import type { CellResult, CellStatus, MatrixReport } from './types.js';

// Which result of a cell speaks for it when several reports have one: a run beats a
// declaration, a declaration beats "not run here"; between two runs the worse wins.
const RANK: Record<CellStatus, number> = { skipped: 0, not_applicable: 1, passed: 2, inconclusive: 3, failed: 4, error: 5 };

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
  const order: string[] = [];
  const cells = new Map<string, CellResult>();
  for (const { report } of reports) {
    for (const c of report.cells) {
      const key = cellKey(c.row, c.os, c.mode);
      const prev = cells.get(key);
      if (!prev) {
        order.push(key);
        cells.set(key, c);
      } else if (RANK[c.status] > RANK[prev.status]) {
        cells.set(key, RANK[prev.status] >= RANK.passed ? { ...c, message: `${c.message} (another report had ${prev.status})` } : c);
      }
    }
  }
  const merged = order.map((k) => cells.get(k)!);
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
