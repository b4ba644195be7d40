/**
 * `cutover/manifests`: the app's command and event contract, read from its sources.
 * The gate calls `checkProject` and `driftProject`; errors among their findings block a release.
 * Finding paths are relative to the config file's folder.
 */
import type { LoadedConfig } from '../../core/src/config/index.js';
import { isCutoverError } from '../../core/src/errors.js';
import type { Finding } from '../../core/src/findings.js';
import type { Manifests } from './build/types.js';
import type { Change } from './drift/compare.js';
import { finding } from './finding.js';
import { manifestOptions, type OptionOverrides } from './options.js';
import { analyze } from './project/analyze.js';
import { runChecks } from './project/check.js';
import { splitByBaseline } from './baseline/run.js';
import { readCommitted, type Committed } from './project/committed.js';
import { runDrift, type Allowance } from './project/drift.js';
import { relocate } from './report/output.js';

export { verbs } from './verbs.js';
export { findingIds } from './finding-ids.js';
export { EXTRACTORS } from './extractors/registry.js';
export { RULES } from './rules/registry.js';
export type { Allowance } from './project/drift.js';
export type { Change } from './drift/compare.js';
export type { CommandEntry, CommandsManifest, EventEntry, EventsManifest, Manifests, Ref, UnresolvedEntry } from './build/types.js';
export type * from './model.js';

export interface ProjectOptions extends OptionOverrides {
  onProgress?: (line: string) => void;
}

/** Extracts the manifests (as `cutover manifest` prints them) and the extraction's own findings. */
export async function buildManifests(loaded: LoadedConfig, opts: ProjectOptions = {}): Promise<Manifests & { findings: Finding[] }> {
  const a = await analyze(manifestOptions(loaded, opts), { onProgress: opts.onProgress });
  return { commands: a.manifests.commands, events: a.manifests.events, findings: relocate(a.findings, a.options.root, loaded.dir) };
}

/**
 * `cutover check`: producers against consumers. With a baseline (`cutover.baseline.json`), the
 * findings it accepts are left out of `findings` and counted in `baseline` (`errors`: how many of
 * them are errors), as `cutover check` does.
 */
export async function checkProject(
  loaded: LoadedConfig,
  opts: ProjectOptions = {},
): Promise<{ findings: Finding[]; baseline?: { file: string; baselined: number; errors: number; fixed: number } }> {
  const a = await analyze(manifestOptions(loaded, opts), { onProgress: opts.onProgress });
  const split = splitByBaseline(a.options, runChecks(a));
  return {
    findings: relocate(split.fresh, a.options.root, loaded.dir),
    ...(split.file
      ? {
          baseline: {
            file: split.file,
            baselined: split.baselined.length,
            errors: split.baselined.filter((f) => f.severity === 'error').length,
            fixed: split.fixed.reduce((n, e) => n + e.count, 0),
          },
        }
      : {}),
  };
}

/**
 * `cutover drift`: the sources against the committed manifests. A committed manifest that is
 * missing or unreadable is a finding too, so a gate fails closed.
 */
export async function driftProject(
  loaded: LoadedConfig,
  opts: ProjectOptions & { allow?: readonly Allowance[] } = {},
): Promise<{ findings: Finding[]; changes: Change[]; diff: string }> {
  const a = await analyze(manifestOptions(loaded, opts), { onProgress: opts.onProgress });
  let committed: Committed;
  try {
    committed = readCommitted(a.options.out);
  } catch (e) {
    if (!isCutoverError(e)) throw e;
    const f = finding('manifest-invalid', `${e.message}${e.details.length ? `: ${e.details.join('; ')}` : ''}`, { ...(e.location ? { file: e.location.file, line: e.location.line } : {}), hint: e.hint });
    return { findings: relocate([f], a.options.root, loaded.dir), changes: [], diff: '' };
  }
  const result = runDrift(a, committed, new Set(opts.allow ?? []));
  return { findings: relocate(result.findings, a.options.root, loaded.dir), changes: result.changes, diff: result.diff };
}
