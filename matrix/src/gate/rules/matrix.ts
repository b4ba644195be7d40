import fs from 'node:fs';
import { toPosixRelative } from '../../../../core/src/paths.js';
import type { Task } from '../../../../core/src/tasks/types.js';
import { findingIds } from '../../finding-ids.js';
import { allCells } from '../../matrix-file/cells.js';
import { cellKey } from '../../matrix-file/types.js';
import { staleReason } from '../../report/commit.js';
import { indexCells } from '../../report/merge.js';
import { unfingerprinted } from '../../report/unfingerprinted.js';
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
  return staleReason(commit, tree, unfingerprinted(ctx.loaded, ctx.settings, tree.root ?? ctx.loaded.dir, tasks));
}

/**
 * The matrix report exists, ran this matrix file on a tree whose checked files are the ones here,
 * and every required cell in scope passed. A cell with no result, or only "skipped", is missing:
 * never counted as a pass. A cell the report holds twice counts with its worse result.
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
    if (report.matrix.hash !== matrix.hash) {
      reasons.push(r(findingIds['gate-report-stale'].id, `the report ran another version of ${report.matrix.file} (the matrix file changed since)`, { file: settings.report, hint }));
    }
    const stale = await reportStaleness(ctx, report.commit);
    if (stale) reasons.push(r(findingIds['gate-report-stale'].id, `the report is stale: ${stale}`, { file: settings.report, hint, data: { reportCommit: report.commit.sha } }));

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
      else if (res?.status === 'failed' || res?.status === 'error') {
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
    const outside = matrix.dimensions.os.filter((o) => !scope.has(o));
    return { reasons, note: `${passed} of ${required} required cell(s) passed${outside.length ? ` (scope ${[...scope].join(', ')}; ${outside.join(', ')} not required by --os)` : ''}` };
  },
};
