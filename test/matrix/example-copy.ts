import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/src/config/index.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { runMatrix } from '../../matrix/src/run/runner.js';
import { matrixSettings } from '../../matrix/src/settings.js';
import { REPO_ROOT } from '../support/cli.js';

/** One edit of a file in a copy of an example: `from` must occur exactly once. */
export interface Patch {
  file: string;
  from: string;
  to: string;
}

export interface RowResult {
  status: string;
  message: string;
}

/**
 * Copies an example (its sources and matrix, not its release material) to a temp dir, plants the
 * patches, runs its whole matrix there and returns each row's result on this host. The copy gets a
 * JSON config of its own (a .ts config imports `cutover`, which resolves only inside the repo).
 */
export async function runExampleCopy(example: string, patches: Patch[] = []): Promise<Record<string, RowResult>> {
  const src = path.join(REPO_ROOT, 'examples', example);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cutover-example-${example}-`));
  try {
    fs.cpSync(src, dir, {
      recursive: true,
      filter: (p) => !/[\\/](\.cutover|docs|node_modules)([\\/]|$)/.test(path.relative(src, p)) && !/cutover\.config\.ts$/.test(p),
    });
    for (const p of patches) {
      const file = path.join(dir, p.file);
      const text = fs.readFileSync(file, 'utf8');
      const at = text.indexOf(p.from);
      if (at < 0 || text.indexOf(p.from, at + 1) >= 0) throw new Error(`patch for ${p.file}: the text to replace must occur exactly once: ${p.from}`);
      fs.writeFileSync(file, text.replace(p.from, p.to));
    }
    fs.writeFileSync(path.join(dir, 'cutover.config.json'), JSON.stringify({ name: `${example}-copy`, matrix: { file: 'cutover.matrix.yaml', outDir: 'out', evidence: false } }));
    const loaded = await loadConfig({ configPath: path.join(dir, 'cutover.config.json') });
    const settings = matrixSettings(loaded);
    const result = await runMatrix({ loaded, matrix: loadMatrixFile(settings.matrixFile!), settings, reportFile: settings.report });
    const out: Record<string, RowResult> = {};
    for (const c of result.report.cells) if (c.status !== 'skipped' && c.status !== 'not_applicable') out[c.row] = { status: c.status, message: c.message };
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows that did not pass, by id. */
export function red(results: Record<string, RowResult>): string[] {
  return Object.entries(results)
    .filter(([, r]) => r.status !== 'passed')
    .map(([row]) => row)
    .sort();
}
