import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import type { LoadedConfig } from '../../../core/src/config/index.js';
import { ConfigError } from '../../../core/src/errors.js';
import { cutoverVersion, toPosixRelative } from '../../../core/src/paths.js';
import { createRedactor } from '../../../core/src/redact.js';
import { checkKind } from '../checks/registry.js';
import { allCells, hostOs } from '../matrix-file/cells.js';
import type { Cell, MatrixFile } from '../matrix-file/types.js';
import type { Task } from '../../../core/src/tasks/types.js';
import { tasksApi } from '../pillars.js';
import { commitStateOf, differingFiles, snapshotTree } from '../report/commit.js';
import { reportFilesIn, unfingerprinted } from '../report/unfingerprinted.js';
import { readReport, sortCells, summarize, writeReport } from '../report/io.js';
import { mergeFilteredRun } from '../report/merge.js';
import type { CellResult, MatrixReport, ShardInfo } from '../report/types.js';
import type { MatrixSettings } from '../settings.js';
import { writeEvidenceFor, type EvidenceWrite } from './evidence.js';
import { runCell } from './cell.js';
import { parseFilter } from './filter.js';
import { rowsInShard } from './shard.js';

export type RunEvent =
  | { type: 'start'; toRun: number; total: number }
  | { type: 'cell-start'; cell: Cell; index: number; toRun: number }
  | { type: 'cell-progress'; cell: Cell; message: string }
  | { type: 'cell-done'; cell: Cell; result: CellResult; index: number; toRun: number };

export interface RunMatrixOptions {
  loaded: LoadedConfig;
  matrix: MatrixFile;
  settings: MatrixSettings;
  reportFile: string;
  filter?: string[];
  shard?: ShardInfo;
  onEvent?: (e: RunEvent) => void;
}

export interface RunMatrixResult {
  /** This run's id: the cells it ran carry it (a --filter run's report also holds earlier cells). */
  runId: string;
  report: MatrixReport;
  reportFile: string;
  evidence: EvidenceWrite[];
  /** Things the user should know that are not cell results (tree changed during the run, unknown task ids). */
  warnings: string[];
}

function base(cell: Cell): Omit<CellResult, 'status' | 'message'> {
  return { row: cell.row.id, title: cell.row.title, area: cell.row.area, tasks: cell.row.tasks, os: cell.os, mode: cell.mode, required: cell.row.required, kind: cell.row.check.kind };
}

/** Runs this host's cells of the matrix (after filter and shard), writes evidence and the report. */
export async function runMatrix(opts: RunMatrixOptions): Promise<RunMatrixResult> {
  const host = hostOs();
  if (!host) throw new ConfigError(`cutover runs the matrix on linux, macos and windows; this is ${process.platform}`);
  const { matrix, loaded } = opts;
  const filter = parseFilter(opts.filter ?? []);
  const inShard = opts.shard ? rowsInShard(matrix, host, opts.shard) : undefined;
  const snapshot = await snapshotTree(loaded.dir);
  const redactor = createRedactor();
  const warnings: string[] = [];
  const tasks = await taskTitles(loaded, warnings);
  const { titles } = tasks;
  // What only describes the release, and what cutover writes, is left out of the fingerprint.
  const root = snapshot.root ?? loaded.dir;
  const excluded = [...unfingerprinted(loaded, { ...opts.settings, ownOutputs: [...opts.settings.ownOutputs, opts.reportFile] }, root, tasks.list), ...reportFilesIn(snapshot.files.keys(), root)];
  const commit = commitStateOf(snapshot, excluded);
  const runId = runIdOf(commit.fingerprint, host, matrix.hash, opts.shard, filter.expressions);

  const cells = allCells(matrix);
  const results: CellResult[] = [];
  const toRun: Cell[] = [];
  for (const cell of cells) {
    if (cell.notApplicable !== undefined) results.push({ ...base(cell), status: 'not_applicable', message: cell.notApplicable });
    else if (cell.os !== host) results.push({ ...base(cell), status: 'skipped', message: `runs on ${cell.os}` });
    else if (!filter.matches(cell)) results.push({ ...base(cell), status: 'skipped', message: `filtered out (--filter ${filter.expressions.join(' ')})` });
    else if (inShard && !inShard.has(cell.row.id)) results.push({ ...base(cell), status: 'skipped', message: `in another shard than ${opts.shard!.index}/${opts.shard!.total}` });
    else toRun.push(cell);
  }
  opts.onEvent?.({ type: 'start', toRun: toRun.length, total: cells.length });
  for (const [i, cell] of toRun.entries()) {
    opts.onEvent?.({ type: 'cell-start', cell, index: i + 1, toRun: toRun.length });
    const outcome = await runCell(cell, {
      matrix,
      loaded,
      redactor,
      ...(snapshot.root ? { repoRoot: snapshot.root } : {}),
      progress: (message) => opts.onEvent?.({ type: 'cell-progress', cell, message }),
    });
    const result: CellResult = {
      ...base(cell),
      runId,
      status: outcome.status,
      message: outcome.message,
      durationMs: outcome.durationMs,
      runs: outcome.runs,
      findings: outcome.findings,
      ...(outcome.metrics ? { metrics: outcome.metrics } : {}),
    };
    results.push(result);
    opts.onEvent?.({ type: 'cell-done', cell, result, index: i + 1, toRun: toRun.length });
  }

  for (const row of matrix.rows) {
    const unknown = tasks.ids ? row.tasks.filter((t) => !tasks.ids!.has(t)) : [];
    if (unknown.length) warnings.push(`row ${row.id} (${toPosixRelative(loaded.dir, matrix.file)}:${row.line}) names task(s) no task list has: ${unknown.join(', ')}`);
  }
  const now = new Date().toISOString();
  const sorted = sortCells(results, matrix.rows.map((r) => r.id));
  let report: MatrixReport = {
    format: 'cutover-matrix-report',
    version: 1,
    matrix: { file: toPosixRelative(loaded.dir, matrix.file), hash: matrix.hash },
    commit,
    createdAt: now,
    cutoverVersion: cutoverVersion(),
    runs: [
      {
        os: host,
        arch: os.arch(),
        node: process.versions.node,
        createdAt: now,
        ...(opts.shard ? { shard: opts.shard } : {}),
        ...(filter.expressions.length ? { filter: filter.expressions } : {}),
      },
    ],
    cells: redactor.value(sorted),
    summary: summarize(sorted),
  };
  // A filtered run adds its cells to the report of the same tree instead of replacing it.
  if (filter.expressions.length) {
    const merged = mergeFilteredRun(previousReport(opts.reportFile), report);
    report = merged.report;
    if (merged.note) warnings.push(merged.note);
  }
  // Evidence describes every cell of the report that ran for a task, this run's and merged ones alike.
  const evidence = opts.settings.writeEvidence ? await writeEvidenceFor(loaded, report.cells, { titles, commit: snapshot.sha, fingerprint: commit.fingerprint, redactor }) : [];
  for (const w of evidence) if (w.error) warnings.push(`evidence for ${w.taskId} was not written: ${w.error}`);

  const after = await snapshotTree(loaded.dir);
  const moved = differingFiles(snapshot.files, after.files, excluded);
  if (moved.length || after.sha !== snapshot.sha) {
    warnings.push(`the work tree changed while the matrix ran (${moved.slice(0, 5).join(', ') || 'HEAD moved'}); the gate will call this report stale`);
  }
  writeReport(opts.reportFile, report);
  return { runId, report, reportFile: opts.reportFile, evidence, warnings };
}

/**
 * The id that ties each result to the evidence the run writes for it (the gate matches them by
 * it). It is made from what the run ran on and what it ran: the same sources, matrix, OS, shard
 * and filter give the same id, so an identical run rewrites the evidence with the same bytes;
 * outside git, where nothing pins the sources, each run gets a new one.
 */
export function runIdOf(fingerprint: string | null, os: string, matrixHash: string, shard: ShardInfo | undefined, filter: readonly string[]): string {
  if (fingerprint === null) return randomBytes(8).toString('hex');
  return createHash('sha256').update(JSON.stringify([fingerprint, os, matrixHash, shard ?? null, [...filter].sort()])).digest('hex').slice(0, 16);
}

/** The report a filtered run merges into; one that cannot be read is replaced. */
function previousReport(file: string): MatrixReport | undefined {
  try {
    return readReport(file);
  } catch {
    return undefined;
  }
}

async function taskTitles(loaded: LoadedConfig, warnings: string[]): Promise<{ ids: Set<string> | undefined; titles: Map<string, string>; list: Task[] }> {
  const titles = new Map<string, string>();
  if (!loaded.config.tasks?.sources?.length) return { ids: undefined, titles, list: [] };
  try {
    const { loadTasks } = await tasksApi();
    const { tasks } = await loadTasks(loaded);
    for (const t of tasks) if (t.id !== undefined) titles.set(t.id, t.title);
    return { ids: new Set(titles.keys()), titles, list: tasks };
  } catch (e) {
    warnings.push(`task lists could not be read for titles: ${(e as Error).message}`);
    return { ids: undefined, titles, list: [] };
  }
}

export function describeCheck(cell: Cell): string {
  return checkKind(cell.row.check.kind)?.describe(cell.row.check as never) ?? cell.row.check.kind;
}
