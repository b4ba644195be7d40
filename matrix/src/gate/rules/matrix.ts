import fs from 'node:fs';
import { toPosixRelative } from '../../../../core/src/paths.js';
import type { Task } from '../../../../core/src/tasks/types.js';
import { findingIds } from '../../finding-ids.js';
import { allCells } from '../../matrix-file/cells.js';
import { cellKey, type MatrixFile, type OsName } from '../../matrix-file/types.js';
import type { CellResult } from '../../report/types.js';
import { matrixCoverage } from '../matrix-coverage.js';
import { reportIntegrity } from '../report-integrity.js';
import { staleReason } from '../../report/commit.js';
import { indexCells } from '../../report/merge.js';
import { reportFilesIn, reportFilesNamedBy, unfingerprinted } from '../../report/unfingerprinted.js';
import { reason, type ReasonInput } from '../reason.js';
import { notConfigured } from '../required.js';
import type { GateContext, GateRule, Reason } from '../types.js';

/** The report's tie to the tree, checked against what the config leaves out now (never what the report says it left out). */
export async function reportStaleness(ctx: GateContext, commit: Parameters<typeof staleReason>[0]): Promise<string | undefined> {
  const tree = await ctx.inputs.tree();
  let tasks: Task[] = [];
  try {
    tasks = (await ctx.inputs.tasks()).tasks;
  } catch {
    // unreadable task lists block on their own; their ledgers' evidence paths are then not left out
  }
  const root = tree.root ?? ctx.loaded.dir;
  return staleReason(commit, tree, [...unfingerprinted(ctx.loaded, ctx.settings, root, tasks), ...reportFilesIn(tree.files.keys(), root), ...reportFilesNamedBy(commit.excluded, root)]);
}

/** Coverage needs every task: with a task list unreadable, row task ids cannot be judged (task-lists blocks on it). */
async function coverage(ctx: GateContext, matrix: MatrixFile, results: ReadonlyMap<string, CellResult>, scope: ReadonlySet<OsName>): Promise<{ problems: ReturnType<typeof matrixCoverage>; unchecked?: string }> {
  if (!(ctx.loaded.config.tasks?.sources ?? []).length) return { problems: [], unchecked: 'no task list is configured' };
  let loaded;
  try {
    loaded = await ctx.inputs.tasks();
  } catch {
    return { problems: [], unchecked: 'the task lists could not be read' };
  }
  const lost = loaded.findings.filter((f) => f.id === 'task-source-unreadable' || f.id === 'task-source-empty');
  if (lost.length) return { problems: [], unchecked: `${lost.length} task list(s) ${lost.length === 1 ? 'is' : 'are'} unreadable or empty (see task-lists)` };
  return { problems: matrixCoverage(matrix, loaded.tasks, results, scope) };
}

/**
 * The matrix report exists, ran this matrix file on a tree whose checked files are the ones here,
 * every required cell in scope passed, the report agrees with itself and with the evidence its run
 * wrote, and what the rows cover matches the task lists. A cell with no result, or only
 * "skipped", is missing: never counted as a pass. A cell the report holds twice counts with its
 * worse result.
 */
export const matrixRule: GateRule = {
  id: 'matrix',
  category: 'matrix',
  description: 'The matrix report ran this matrix file on these sources, and every required cell passed.',
  async run(ctx) {
    const { loaded, settings, inputs, scopeOs } = ctx;
    if (!settings.configured) return notConfigured(this, ctx, 'matrix', 'a validation matrix that ran and passed');
    const root = loaded.dir;
    const matrix = await inputs.matrix();
    const r = (id: string, message: string, o: ReasonInput = {}) => reason(this.id, this.category, id, message, { root, ...o });
    if (!fs.existsSync(settings.report)) {
      const rel = toPosixRelative(root, settings.report);
      return {
        reasons: [r(findingIds['gate-report-missing'].id, `no matrix report at ${rel}`, { file: settings.report, hint: 'Run `cutover matrix run` (sharded CI: `cutover matrix merge`) on this commit, then the gate.' })],
      };
    }
    const report = await inputs.report();
    const reasons: Reason[] = [];
    const hint = 'Run `cutover matrix run` again on this tree (commit first if the gate runs in CI).';
    const stale = await reportStaleness(ctx, report.commit);
    if (stale) reasons.push(r(findingIds['gate-report-stale'].id, `the report is stale: ${stale}`, { file: settings.report, hint, data: { reportCommit: report.commit.sha } }));
    // The fingerprint names a changed matrix file already; this catches one outside the repository.
    else if (report.matrix.hash !== matrix.hash) {
      reasons.push(r(findingIds['gate-report-stale'].id, `the report ran another version of ${report.matrix.file} (the matrix file changed since)`, { file: settings.report, hint }));
    }

    const scope = new Set(scopeOs ?? matrix.dimensions.os);
    const results = indexCells(report.cells).byKey;
    let required = 0;
    let passed = 0;
    for (const cell of allCells(matrix)) {
      if (cell.notApplicable !== undefined || !scope.has(cell.os)) continue;
      const res = results.get(cellKey(cell.row.id, cell.os, cell.mode));
      const where = `${cell.row.id} on ${cell.os}/${cell.mode}`;
      for (const f of res?.findings ?? []) {
        if (f.severity === 'warning') reasons.push(r(f.id, `${where}: ${f.message}`, { severity: 'warning', file: matrix.file, line: cell.row.line, ...(f.hint ? { hint: f.hint } : {}) }));
      }
      if (!cell.row.required) continue;
      required++;
      const data = { row: cell.row.id, os: cell.os, mode: cell.mode, tasks: cell.row.tasks };
      if (res?.status === 'passed') passed++;
      else if (res?.status === 'inconclusive') {
        reasons.push(r(findingIds['gate-cell-inconclusive'].id, `${where} was inconclusive: ${res.message}`, { file: matrix.file, line: cell.row.line, hint: 'Give the check something to observe (the message says what it needed), then run the matrix again.', data }));
      } else if (res?.status === 'failed' || res?.status === 'error') {
        reasons.push(
          r(findingIds['gate-cell-failed'].id, `${where} ${res.status === 'error' ? 'could not run' : 'failed'}: ${res.message}`, {
            file: matrix.file,
            line: cell.row.line,
            hint: `Fix it, then \`cutover matrix run --filter row=${cell.row.id}\` on ${cell.os} (the full run before release).`,
            data,
          }),
        );
      } else {
        const why = !res ? 'the report has no result for it' : res.status === 'not_applicable' ? 'the report ran it as not applicable, the matrix file no longer says so' : `not run (${res.message})`;
        reasons.push(
          r(findingIds['gate-cell-missing'].id, `${where} has no result: ${why}`, {
            file: matrix.file,
            line: cell.row.line,
            hint: `Run the matrix on ${cell.os} (in CI: the reusable matrix workflow, then \`cutover matrix merge\`).`,
            data,
          }),
        );
      }
    }
    for (const p of await reportIntegrity(ctx, report, matrix)) {
      const tampered = p.id === findingIds['gate-report-tampered'].id;
      reasons.push(
        r(p.id, `${p.message}`, {
          file: settings.report,
          hint: tampered ? 'Only `cutover matrix run` and `cutover matrix merge` write reports: run the matrix again, and find out how this one was changed.' : 'Run the matrix (or the merge) again: a report holds each cell once.',
          data: p.data,
        }),
      );
    }
    const covered = await coverage(ctx, matrix, results, scope);
    for (const p of covered.problems) {
      const at = p.row ? { file: matrix.file, line: p.row.line } : { file: p.task!.file, line: p.task!.line };
      const fix = p.row ? 'Fix the id in the row\'s tasks, or add the task to a task list.' : `Run the rows that cover it (\`cutover matrix run --filter task=${p.task!.id}\`), or take the task out of their tasks.`;
      reasons.push(r(p.id, p.message, { ...at, hint: fix, data: p.data }));
    }
    const outside = matrix.dimensions.os.filter((o) => !scope.has(o));
    if (required === 0) {
      const na = allCells(matrix).filter((c) => c.notApplicable !== undefined && scope.has(c.os)).length;
      const why = [na ? `${na} not applicable` : '', outside.length ? `${outside.join(', ')} outside the scope` : ''].filter(Boolean).join('; ');
      reasons.push(
        r(findingIds['gate-matrix-empty'].id, `no required matrix cell is in scope (${[...scope].join(', ') || 'no operating system'})${why ? `: ${why}` : ''}, so the matrix proves nothing`, {
          file: matrix.file,
          hint: 'Judge an operating system the matrix declares (--os), or make a required row apply there.',
        }),
      );
    }
    const unchecked = covered.unchecked ? `; task coverage not checked: ${covered.unchecked}` : '';
    return { reasons, note: `${passed} of ${required} required cell(s) passed${outside.length ? ` (scope ${[...scope].join(', ')}; ${outside.join(', ')} not required by --os)` : ''}${unchecked}` };
  },
};
