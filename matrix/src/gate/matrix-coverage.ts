import type { Task } from '../../../core/src/tasks/types.js';
import { findingIds } from '../finding-ids.js';
import { allCells } from '../matrix-file/cells.js';
import { cellKey, type MatrixFile, type MatrixRow, type OsName } from '../matrix-file/types.js';
import type { CellResult } from '../report/types.js';

export interface CoverageProblem {
  id: string;
  message: string;
  row?: MatrixRow;
  task?: Task;
  data: Record<string, unknown>;
}

const RAN = new Set(['passed', 'failed', 'error', 'inconclusive']);

/**
 * What the matrix says it covers against the task lists: a row naming a task id no list has (a typo
 * makes a row cover nothing), and a done task whose rows are all optional and none of whose cells
 * ran in scope (a required row that did not run is already a missing cell).
 */
export function matrixCoverage(matrix: MatrixFile, tasks: readonly Task[], results: ReadonlyMap<string, CellResult>, scope: ReadonlySet<OsName>): CoverageProblem[] {
  const out: CoverageProblem[] = [];
  const ids = new Set(tasks.map((t) => t.id).filter((id): id is string => id !== undefined));
  for (const row of matrix.rows) {
    const unknown = row.tasks.filter((t) => !ids.has(t));
    if (unknown.length) {
      out.push({ id: findingIds['gate-row-unknown-task'].id, row, message: `row ${row.id} names task${unknown.length === 1 ? '' : 's'} no task list has: ${unknown.join(', ')}`, data: { row: row.id, tasks: unknown } });
    }
  }
  const cells = allCells(matrix).filter((c) => c.notApplicable === undefined && scope.has(c.os));
  for (const task of tasks) {
    if (task.status !== 'done' || task.id === undefined) continue;
    const mine = cells.filter((c) => c.row.tasks.includes(task.id!));
    if (mine.length === 0 || mine.some((c) => c.row.required)) continue;
    if (mine.some((c) => RAN.has(results.get(cellKey(c.row.id, c.os, c.mode))?.status ?? ''))) continue;
    const rows = [...new Set(mine.map((c) => c.row.id))];
    out.push({
      id: findingIds['gate-task-not-run'].id,
      task,
      message: `${task.id} is done and the matrix covers it (row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}), but none of ${rows.length === 1 ? 'its' : 'their'} cells ran on ${[...scope].join(', ')}`,
      data: { taskId: task.id, rows },
    });
  }
  return out;
}
