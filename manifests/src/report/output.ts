/** Shared CLI output of the manifests verbs: finding paths for each audience, annotations, SARIF files. */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import { githubAnnotations, inGitHubActions } from '../../../core/src/format-findings.js';
import type { Output } from '../../../core/src/output.js';
import { cutoverVersion } from '../../../core/src/paths.js';
import { findingIds } from '../finding-ids.js';
import { toSarif } from './sarif.js';

/** Finding paths are relative to the manifests root; re-base them (absolute when `toDir` is undefined). */
export function relocate(findings: readonly Finding[], root: string, toDir?: string): Finding[] {
  return findings.map((f) => {
    if (f.file === undefined) return f;
    const abs = path.resolve(root, f.file);
    return { ...f, file: toDir === undefined ? abs : path.relative(toDir, abs).split(path.sep).join('/') || '.' };
  });
}

/** In GitHub Actions, findings become inline annotations (on stderr in --json mode, which keeps stdout one document). */
export function annotate(out: Output, env: NodeJS.ProcessEnv, findings: readonly Finding[], cwd: string): void {
  if (!inGitHubActions(env)) return;
  for (const line of githubAnnotations(findings, cwd)) {
    if (out.json) out.stderr.write(`${line}\n`);
    else out.stdout.write(`${line}\n`);
  }
}

export function writeSarif(file: string, findings: readonly Finding[], cwd: string): string {
  const abs = path.resolve(cwd, file);
  const doc = toSarif(findings, { baseDir: cwd, version: cutoverVersion(), definitions: Object.values(findingIds) });
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, `${JSON.stringify(doc, null, 2)}\n`);
  return abs;
}
