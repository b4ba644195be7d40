import fs from 'node:fs';
import { toPosixRelative } from '../../../../core/src/paths.js';
import { findingIds } from '../../finding-ids.js';
import { allCells } from '../../matrix-file/cells.js';
import { cellKey } from '../../matrix-file/types.js';
import { commitMismatch } from '../../report/commit.js';
import type { CellResult } from '../../report/types.js';
import { reason, type ReasonInput } from '../reason.js';
import type { GateRule, Reason } from '../types.js';

/**
 * The matrix report exists, ran this matrix file on this tree, and every required cell in scope
 * passed. A cell with no result, or only "skipped", is missing: never counted as a pass.
 */
export const matrixRule: GateRule = {
  id: 'matrix',
  category: 'matrix',
  description: 'The matrix report is from this commit and this matrix file, and every required cell passed.',
  async run({ loaded, settings, inputs, scopeOs }) {
    if (!settings.configured) return { reasons: [], skipped: 'no matrix section in the config' };
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
    const now = await inputs.commit(report.commit.excluded);
    const mismatch = commitMismatch(report.commit, now);
    if (mismatch) reasons.push(r(findingIds['gate-report-stale'].id, mismatch, { file: settings.report, hint, data: { reportCommit: report.commit.sha, treeCommit: now.sha } }));

    const scope = new Set(scopeOs ?? matrix.dimensions.os);
    const results = new Map<string, CellResult>(report.cells.map((c) => [cellKey(c.row, c.os, c.mode), c]));
    const matrixRel = matrix.file;
    let required = 0;
    let passed = 0;
    for (const cell of allCells(matrix)) {
      if (cell.notApplicable !== undefined || !scope.has(cell.os)) continue;
      const res = results.get(cellKey(cell.row.id, cell.os, cell.mode));
      const where = `${cell.row.id} on ${cell.os}/${cell.mode}`;
      for (const f of res?.findings ?? []) {
        if (f.severity === 'warning') reasons.push(r(f.id, `${where}: ${f.message}`, { severity: 'warning', file: matrixRel, line: cell.row.line, ...(f.hint ? { hint: f.hint } : {}) }));
      }
      if (!cell.row.required) continue;
      required++;
      const data = { row: cell.row.id, os: cell.os, mode: cell.mode, tasks: cell.row.tasks };
      if (res?.status === 'passed') passed++;
      else if (res?.status === 'inconclusive') {
        reasons.push(r(findingIds['gate-cell-inconclusive'].id, `${where} was inconclusive: ${res.message}`, { file: matrixRel, line: cell.row.line, hint: 'Give the check something to observe (the message says what it needed), then run the matrix again.', data }));
      } else if (res?.status === 'failed' || res?.status === 'error') {
        reasons.push(
          r(findingIds['gate-cell-failed'].id, `${where} ${res.status === 'error' ? 'could not run' : 'failed'}: ${res.message}`, {
            file: matrixRel,
            line: cell.row.line,
            hint: `Fix it, then \`cutover matrix run --filter row=${cell.row.id}\` on ${cell.os} (the full run before release).`,
            data,
          }),
        );
      } else {
        const why = !res ? 'the report has no result for it' : res.status === 'not_applicable' ? 'the report ran it as not applicable, the matrix file no longer says so' : `not run (${res.message})`;
        reasons.push(
          r(findingIds['gate-cell-missing'].id, `${where} has no result: ${why}`, {
            file: matrixRel,
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
