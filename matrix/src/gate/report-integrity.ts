import { findingIds } from '../finding-ids.js';
import type { MatrixFile } from '../matrix-file/types.js';
import { indexCells } from '../report/merge.js';
import type { CellResult, MatrixReport } from '../report/types.js';
import type { GateContext } from './types.js';

export interface IntegrityProblem {
  id: string;
  message: string;
  row: string;
  data: Record<string, unknown>;
}

const RAN = new Set(['passed', 'failed', 'error', 'inconclusive']);
const where = (c: CellResult) => `${c.row} on ${c.os}/${c.mode}`;
const runWord = (exitCode: number | null, passed: boolean) => `exit ${exitCode ?? 'none'}, ${passed ? 'passed' : 'failed'}`;

/** A cell whose status says passed while its own runs say otherwise was not written by a run. */
function selfContradiction(c: CellResult): string | undefined {
  if (c.status !== 'passed') return undefined;
  const runs = c.runs ?? [];
  if (runs.length === 0) return `${where(c)} says passed, but records no run`;
  const bad = runs.findIndex((r) => !r.passed);
  return bad < 0 ? undefined : `${where(c)} says passed, but its run ${bad + 1} (${runs[bad]!.command}) says ${runWord(runs[bad]!.exitCode, false)}`;
}

/**
 * Cross-checks a cell with the evidence the same run wrote (matched by the run id both carry): each
 * run's exit code and result, and the stored output's sha256. Evidence from another run, or none
 * (evidence not written, another machine's shard), gives nothing to compare: never a finding.
 */
async function againstEvidence(ctx: GateContext, c: CellResult): Promise<string[]> {
  if (!c.runId || !RAN.has(c.status)) return [];
  const problems: string[] = [];
  // A cell that ran nothing (its target never started) is written to evidence as one failed run.
  const runs = c.runs?.length ? c.runs : [{ command: c.kind, exitCode: null, passed: false }];
  for (const task of [...new Set(c.tasks)]) {
    const { records } = await ctx.inputs.runRecords(task);
    const mine = records.filter((r) => r.run === c.runId && r.check === `${c.row} (${c.kind})` && r.cell === `${c.os}/${c.mode}`).sort((a, b) => a.n - b.n);
    if (mine.length === 0) continue;
    const ev = `the evidence of ${task} written by the same run`;
    if (mine.length !== runs.length) problems.push(`the report records ${runs.length} run(s) of ${where(c)}, ${ev} records ${mine.length}`);
    mine.forEach((rec, i) => {
      const run = runs[i];
      if (run && (run.exitCode !== rec.exitCode || run.passed !== rec.passed)) {
        problems.push(`the report says run ${i + 1} of ${where(c)} ended with ${runWord(run.exitCode, run.passed)}; ${ev} says ${runWord(rec.exitCode, rec.passed)}`);
      }
      if (rec.stored === 'differs') problems.push(`the stored output ${rec.output} of ${task} no longer has the sha256 its evidence records`);
    });
    if (c.status === 'passed' && mine.some((r) => !r.passed) && !problems.length) problems.push(`the report says ${where(c)} passed; ${ev} says it failed`);
  }
  return problems;
}

/** Everything in a report that a run could not have written: cells held twice, contradictions, results the evidence contradicts. */
export async function reportIntegrity(ctx: GateContext, report: MatrixReport, matrix: MatrixFile): Promise<IntegrityProblem[]> {
  const out: IntegrityProblem[] = [];
  const { byKey, duplicates } = indexCells(report.cells);
  for (const d of duplicates) {
    const c = d.cells[0]!;
    out.push({
      id: findingIds['gate-report-duplicate-cell'].id,
      row: c.row,
      message: `the report holds ${where(c)} ${d.cells.length} times (${d.cells.map((x) => x.status).join(', ')}): the worse, ${byKey.get(d.key)!.status}, counts`,
      data: { row: c.row, os: c.os, mode: c.mode, statuses: d.cells.map((x) => x.status) },
    });
  }
  const rows = new Set(matrix.rows.map((r) => r.id));
  for (const c of report.cells) {
    const self = selfContradiction(c);
    const problems = self ? [self] : rows.has(c.row) ? await againstEvidence(ctx, c) : [];
    if (problems.length) out.push({ id: findingIds['gate-report-tampered'].id, row: c.row, message: problems.join('; '), data: { row: c.row, os: c.os, mode: c.mode, tasks: c.tasks } });
  }
  return out;
}
