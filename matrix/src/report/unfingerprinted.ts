import fs from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../../../core/src/config/index.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import type { Task } from '../../../core/src/tasks/types.js';
import { DEFAULT_EVIDENCE_DIR } from '../../../evidence/src/config.js';
import type { MatrixSettings } from '../settings.js';

/**
 * What a report's fingerprint leaves out (repo-relative; a trailing `/` for a folder): what only
 * describes the release — the task lists, the sign-off file, the evidence (a ledger's own evidence
 * files too) — and what cutover writes itself: reports, the dashboard, the harness's logs, a gate
 * summary. Computed
 * from the config at run time and again at gate time, never taken from the report.
 */
export function unfingerprinted(loaded: LoadedConfig, settings: MatrixSettings, root: string, tasks: readonly Task[] = []): string[] {
  const c = loaded.config;
  const folders = [c.evidence?.dir ?? path.join(loaded.dir, DEFAULT_EVIDENCE_DIR), settings.outDir, settings.dashboardDir, c.harness?.logDir];
  const files = [...(c.tasks?.sources ?? []).map((s) => s.path), settings.signoffFile, settings.report, ...settings.ownOutputs, ...tasks.map((t) => t.evidenceFile)];
  const rel = (p: string) => {
    const r = toPosixRelative(root, p);
    // Outside the repository, or the repository itself: nothing to leave out (never the whole tree).
    return r === '' || r === '..' || r.startsWith('../') || path.isAbsolute(r) ? undefined : r;
  };
  const out = new Set<string>();
  for (const d of folders) if (d !== undefined && rel(d) !== undefined) out.add(`${rel(d)}/`);
  const prefixes = [...out];
  for (const f of files) if (f !== undefined && rel(f) !== undefined && !prefixes.some((d) => rel(f)!.startsWith(d))) out.add(rel(f)!);
  return [...out].sort();
}

/** Whether a file is a cutover matrix report (its first bytes say so): only those a report may ask to leave out. */
function isMatrixReport(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (!fs.fstatSync(fd).isFile()) return false;
    const buf = Buffer.alloc(256);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return /"format"\s*:\s*"cutover-matrix-report"/.test(buf.toString('utf8', 0, n));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The other reports a report names as left out: a merged report's shards, written with --out into
 * the work tree (CI downloads them there). Only files that are matrix reports themselves are
 * honoured, so a report can never ask the gate to overlook a source file.
 */
export function reportFilesNamedBy(excluded: readonly string[], root: string): string[] {
  return excluded.filter((e) => !e.endsWith('/') && e.endsWith('.json') && isMatrixReport(path.join(root, e)));
}

/**
 * Matrix reports lying in the work tree under the names `matrix merge` looks for (report*.json):
 * the shards' reports of a sharded run, wherever they were written or downloaded. They are
 * cutover's outputs, so the report a run writes, and the gate, leave them out alike.
 */
export function reportFilesIn(files: Iterable<string>, root: string): string[] {
  const out: string[] = [];
  for (const f of files) if (/(^|\/)report[^/]*\.json$/i.test(f) && isMatrixReport(path.join(root, f))) out.push(f);
  return out;
}
