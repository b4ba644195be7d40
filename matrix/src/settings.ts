import path from 'node:path';
import type { LoadedConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';
import type { OsName } from './matrix-file/types.js';
import type { ShardInfo } from './report/types.js';

export const DEFAULT_ROLES = ['ARCH', 'SEC', 'QA', 'OPS'];
export const DEFAULT_RUNNERS: Record<OsName, string> = { linux: 'ubuntu-latest', macos: 'macos-latest', windows: 'windows-latest' };

/** The matrix and gate sections with every default filled in (paths absolute). */
export interface MatrixSettings {
  configured: boolean;
  matrixFile: string | undefined;
  outDir: string;
  writeEvidence: boolean;
  runners: Record<OsName, string>;
  shardsPerOs: number;
  report: string;
  dashboardDir: string;
  signoffFile: string;
  roles: string[];
  top: number;
  /** What the release requires besides tasks, evidence and sign-offs; opting out needs a reason. */
  require: { matrix: boolean; contract: boolean; reason: string | undefined };
  /** Other files this invocation writes (a --summary file): left out of the report's fingerprint like the rest of cutover's outputs. */
  ownOutputs: string[];
}

export function matrixSettings(loaded: LoadedConfig): MatrixSettings {
  const m = loaded.config.matrix;
  const g = loaded.config.gate ?? {};
  const outDir = m?.outDir ?? path.join(loaded.dir, '.cutover', 'matrix');
  return {
    configured: m !== undefined,
    matrixFile: m?.file,
    outDir,
    writeEvidence: m?.evidence ?? true,
    runners: { ...DEFAULT_RUNNERS, ...(m?.runners ?? {}) },
    shardsPerOs: m?.shardsPerOs ?? 1,
    report: g.report ?? path.join(outDir, 'report.json'),
    dashboardDir: g.dashboardDir ?? path.join(loaded.dir, '.cutover', 'dashboard'),
    signoffFile: g.signoffs?.file ?? path.join(loaded.dir, 'SIGNOFF.md'),
    roles: g.signoffs?.roles ?? DEFAULT_ROLES,
    top: g.top ?? 10,
    require: { matrix: g.require?.matrix ?? true, contract: g.require?.contract ?? true, reason: g.require?.reason },
    ownOutputs: [],
  };
}

export function requireMatrixFile(loaded: LoadedConfig): string {
  const file = loaded.config.matrix?.file;
  if (!file) {
    throw new ConfigError('this config has no matrix section', {
      location: { file: loaded.file },
      hint: 'Add `matrix: { file: "cutover.matrix.yaml" }` to the config (see the README section "Matrix and the release gate").',
    });
  }
  return file;
}

/** Where a run writes its report: `--out`, else report.json, else one file per OS and shard. */
export function reportFileFor(settings: MatrixSettings, os: OsName, shard: ShardInfo | undefined, out: string | undefined, cwd: string): string {
  if (out) return path.resolve(cwd, out);
  if (!shard) return path.join(settings.outDir, 'report.json');
  return path.join(settings.outDir, `report-${os}-${shard.index}of${shard.total}.json`);
}
