import fs from 'node:fs';
import { toPosixRelative } from '../../../core/src/paths.js';
import { allCells } from '../matrix-file/cells.js';
import { cellKey, type OsName } from '../matrix-file/types.js';
import { indexCells } from '../report/merge.js';
import { evidenceSettings } from '../../../evidence/src/config.js';
import { evidencePath } from '../../../evidence/src/safe-id.js';
import type { CellResult } from '../report/types.js';
import type { Task, TaskStatus } from '../../../core/src/tasks/types.js';
import type { GateContext, Reason } from './types.js';
import { currentSignoff } from './signoff-file.js';

export interface TaskView {
  id?: string;
  title: string;
  status: TaskStatus;
  owner?: string;
  phase?: string;
  file: string;
  line: number;
  /** Where its evidence is (relative to the config folder), for tasks whose status requires it. */
  evidenceFile?: string;
  /** Evidence problems of this task (done tasks only): blocking ones, and warnings. */
  evidence: Array<{ message: string; blocking: boolean }>;
}

export type GridStatus = 'passed' | 'failed' | 'error' | 'inconclusive' | 'not_applicable' | 'missing' | 'out_of_scope' | 'optional';

export interface MatrixView {
  file: string;
  os: OsName[];
  modes: string[];
  scope: OsName[];
  reportCommit: string | null;
  /** Why the report no longer speaks for this tree (empty when it does): its grid is shown as stale. */
  stale: string[];
  rows: Array<{ id: string; title: string; area: string; required: boolean; tasks: string[]; cells: GridCell[] }>;
}

export interface GridCell {
  os: OsName;
  mode: string;
  status: GridStatus;
  message: string;
  /** The outputs this cell's run stored beside its tasks' evidence (relative to the config folder). */
  outputs?: Array<{ task: string; file: string }>;
}

export interface SignoffView {
  role: string;
  decision: string;
  name?: string;
  date?: string;
}

/** What the dashboard and --json show beyond the reasons; each part is left out when its input could not be read. */
export async function taskViews(ctx: GateContext, reasons: readonly Reason[]): Promise<TaskView[] | undefined> {
  if (!(ctx.loaded.config.tasks?.sources ?? []).length) return undefined;
  let tasks: Task[];
  try {
    tasks = (await ctx.inputs.tasks()).tasks;
  } catch {
    return undefined;
  }
  const evidence = new Map<string, TaskView['evidence']>();
  for (const r of reasons) {
    if (r.rule !== 'evidence') continue;
    const id = typeof r.data?.taskId === 'string' ? r.data.taskId : undefined;
    if (id) evidence.set(id, [...(evidence.get(id) ?? []), { message: r.message, blocking: r.severity === 'error' }]);
  }
  let ev: ReturnType<typeof evidenceSettings> | undefined;
  try {
    ev = evidenceSettings(ctx.loaded);
  } catch {
    ev = undefined; // an invalid evidence section blocks through the evidence rule; the links are left out
  }
  const evDir = ev ? toPosixRelative(ctx.loaded.dir, ev.dir) : '';
  // Tasks share a handful of files: make each relative once, not once per task.
  const rel = new Map<string, string>();
  const relOf = (f: string) => rel.get(f) ?? (rel.set(f, toPosixRelative(ctx.loaded.dir, f)), rel.get(f)!);
  return tasks.map((t) => {
    const v: TaskView = { title: t.title, status: t.status, file: relOf(t.file), line: t.line, evidence: (t.id !== undefined && evidence.get(t.id)) || [] };
    if (t.id !== undefined) v.id = t.id;
    if (ev && t.id !== undefined && ev.requireFor.includes(t.status)) {
      // The evidence folder is made relative once; a ledger's own paths one by one.
      if (t.evidenceFile !== undefined) v.evidenceFile = toPosixRelative(ctx.loaded.dir, t.evidenceFile);
      else if (evidencePath(ev.dir, t.id) !== undefined) v.evidenceFile = `${evDir}/${t.id}.md`;
    }
    if (t.owner !== undefined) v.owner = t.owner;
    if (t.phase !== undefined) v.phase = t.phase;
    return v;
  });
}

/** The outputs a cell's run stored beside its tasks' evidence, found through the run records. */
async function cellOutputs(ctx: GateContext, c: CellResult): Promise<GridCell['outputs']> {
  if (!c.runId) return undefined;
  const out: NonNullable<GridCell['outputs']> = [];
  for (const task of new Set(c.tasks)) {
    try {
      const { records } = await ctx.inputs.runRecords(task);
      for (const r of records) {
        if (r.run === c.runId && r.cell === `${c.os}/${c.mode}` && r.check === `${c.row} (${c.kind})`) out.push({ task, file: toPosixRelative(ctx.loaded.dir, r.outputFile) });
      }
    } catch {
      // no records to link: the cell still shows its message
    }
  }
  return out.length ? out : undefined;
}

export async function matrixView(ctx: GateContext, reasons: readonly Reason[] = []): Promise<MatrixView | undefined> {
  if (!ctx.settings.configured) return undefined;
  try {
    const matrix = await ctx.inputs.matrix();
    let results = new Map<string, CellResult>();
    let reportCommit: string | null = null;
    if (fs.existsSync(ctx.settings.report)) {
      try {
        const report = await ctx.inputs.report();
        results = indexCells(report.cells).byKey;
        reportCommit = report.commit.sha;
      } catch {
        // an unreadable report is a blocking reason already; the grid shows every cell as missing
      }
    }
    const outputs = new Map<CellResult, GridCell['outputs']>();
    for (const c of results.values()) if (ran(c.status)) outputs.set(c, await cellOutputs(ctx, c));
    const scope = ctx.scopeOs ?? matrix.dimensions.os;
    const cells = allCells(matrix);
    return {
      file: toPosixRelative(ctx.loaded.dir, matrix.file),
      os: matrix.dimensions.os,
      modes: matrix.dimensions.mode,
      scope,
      reportCommit,
      stale: reasons.filter((r) => r.id === 'gate-report-stale' || r.id === 'gate-report-tampered').map((r) => r.message),
      rows: matrix.rows.map((row) => ({
        id: row.id,
        title: row.title,
        area: row.area,
        required: row.required,
        tasks: row.tasks,
        cells: cells
          .filter((c) => c.row === row)
          .map((c) => {
            const res = results.get(cellKey(row.id, c.os, c.mode));
            let status: GridStatus;
            let message: string;
            if (c.notApplicable !== undefined) [status, message] = ['not_applicable', c.notApplicable];
            else if (res && ran(res.status)) [status, message] = [res.status as GridStatus, res.message];
            else if (!scope.includes(c.os)) [status, message] = ['out_of_scope', `${c.os} is outside this gate's scope`];
            else [status, message] = [row.required ? 'missing' : 'optional', res ? res.message : 'no result in the report'];
            const links = res ? outputs.get(res) : undefined;
            return { os: c.os, mode: c.mode, status, message, ...(links ? { outputs: links } : {}) };
          }),
      })),
    };
  } catch {
    return undefined;
  }
}

export async function signoffViews(ctx: GateContext): Promise<SignoffView[]> {
  let file;
  try {
    file = fs.existsSync(ctx.settings.signoffFile) ? await ctx.inputs.signoffs() : undefined;
  } catch {
    file = undefined;
  }
  return ctx.settings.roles.map((role) => {
    const s = file ? currentSignoff(file, role) : undefined;
    return s ? { role, decision: s.decision, name: s.name, date: s.date } : { role, decision: 'missing' };
  });
}

/** A cell that ran: passed, failed, could not run, or ran and had nothing to observe. */
export function ran(status: string): boolean {
  return status === 'passed' || status === 'failed' || status === 'error' || status === 'inconclusive';
}
