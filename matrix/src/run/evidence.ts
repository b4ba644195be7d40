import type { LoadedConfig } from '../../../core/src/config/index.js';
import type { Redactor } from '../../../core/src/redact.js';
import { evidenceApi } from '../pillars.js';
import type { CellResult } from '../report/types.js';

export interface EvidenceWrite {
  taskId: string;
  file?: string;
  outputFiles: string[];
  /** Whether the file or its outputs now hold other bytes than before (an identical run changes nothing). */
  changed?: boolean;
  /** Why nothing was written, when nothing was. */
  error?: string;
}

const RAN = new Set(['passed', 'failed', 'error', 'inconclusive']);

/**
 * Writes each covered task's evidence from the cells that really ran for it: every run of
 * every cell, with its check and cell, and a one-line summary. Cells that did not run here
 * (another OS, filtered) are not claimed.
 */
export async function writeEvidenceFor(
  loaded: LoadedConfig,
  cells: readonly CellResult[],
  opts: { titles: Map<string, string>; commit: string | null; fingerprint: string | null; redactor: Redactor },
): Promise<EvidenceWrite[]> {
  const byTask = new Map<string, CellResult[]>();
  for (const c of cells) {
    if (!RAN.has(c.status)) continue;
    for (const t of c.tasks) byTask.set(t, [...(byTask.get(t) ?? []), c]);
  }
  if (byTask.size === 0) return [];
  const api = await evidenceApi();
  const out: EvidenceWrite[] = [];
  for (const [taskId, taskCells] of [...byTask].sort(([a], [b]) => a.localeCompare(b))) {
    if (!api.writeRunEvidence) {
      out.push({ taskId, outputFiles: [], error: 'this build of cutover cannot write evidence (writeRunEvidence is not exported by cutover/evidence)' });
      continue;
    }
    const runs = taskCells.flatMap((c) =>
      (c.runs?.length ? c.runs : [{ command: c.kind, exitCode: null, durationMs: c.durationMs ?? 0, output: c.message, passed: false }]).map((r) => ({
        ...r,
        check: `${c.row} (${c.kind})`,
        cell: `${c.os}/${c.mode}`,
        ...(c.runId !== undefined ? { run: c.runId } : {}),
      })),
    );
    const passed = taskCells.filter((c) => c.status === 'passed').length;
    const oses = [...new Set(taskCells.map((c) => c.os))].join(', ');
    const summary = `Matrix: ${passed} of ${taskCells.length} cell(s) passed on ${oses} (rows ${[...new Set(taskCells.map((c) => c.row))].join(', ')}).`;
    try {
      const title = opts.titles.get(taskId);
      const w = await api.writeRunEvidence(
        loaded,
        { taskId, runs, summary, ...(title !== undefined ? { title } : {}), ...(opts.commit ? { commit: opts.commit } : {}), ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}) },
        { redactor: opts.redactor },
      );
      out.push({ taskId, file: w.file, outputFiles: w.outputFiles, ...(w.changed !== undefined ? { changed: w.changed } : {}) });
    } catch (e) {
      out.push({ taskId, outputFiles: [], error: (e as Error).message });
    }
  }
  return out;
}
