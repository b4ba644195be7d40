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
