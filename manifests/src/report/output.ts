/** Shared CLI output of the manifests verbs: finding paths for each audience, annotations, SARIF files. */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import { repositoryRoot } from '../../../core/src/git.js';
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

/** GitHub shows about ten annotations of a kind per step; the rest would be lost without a word. */
export const MAX_ANNOTATIONS = 10;

/**
 * In GitHub Actions, findings become inline annotations (on stderr in --json mode, which keeps
 * stdout one document): errors first, at most MAX_ANNOTATIONS, then one line saying how many more
 * there are and where to read them. GitHub places an annotation by its path from the repository
 * root, so paths are made relative to it (GITHUB_WORKSPACE, else git's top level), also when
 * cutover runs in a sub-folder (`working-directory`).
 */
export function annotate(out: Output, env: NodeJS.ProcessEnv, findings: readonly Finding[], cwd: string, verb: string): void {
  if (!inGitHubActions(env)) return;
  const base = annotationRoot(env, cwd);
  const lines = githubAnnotations(findings, base);
  const shown = lines.slice(0, MAX_ANNOTATIONS);
  if (lines.length > shown.length) {
    const more = lines.length - shown.length;
    shown.push(`::notice title=cutover ${verb}::${more} more finding(s) are not shown as annotations (GitHub shows about ${MAX_ANNOTATIONS} per step); the \`cutover ${verb}\` output of this step lists all ${lines.length}.`);
  }
  for (const line of shown) {
    if (out.json) out.stderr.write(`${line}\n`);
    else out.stdout.write(`${line}\n`);
  }
}

/** The folder annotation paths are relative to: the checkout (GITHUB_WORKSPACE), else the repository holding cwd. */
export function annotationRoot(env: NodeJS.ProcessEnv, cwd: string): string {
  if (env.GITHUB_WORKSPACE) return path.resolve(env.GITHUB_WORKSPACE);
  return repositoryRoot(cwd);
}

/** With `baselined`, a baseline is in use: its findings are written too, as `unchanged`, and the others as `new`. */
export function writeSarif(file: string, findings: readonly Finding[], cwd: string, opts: { baselined?: readonly Finding[] } = {}): string {
  const abs = path.resolve(cwd, file);
  const doc = toSarif(findings, { baseDir: cwd, version: cutoverVersion(), definitions: Object.values(findingIds), ...(opts.baselined ? { baselined: opts.baselined } : {}) });
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, `${JSON.stringify(doc, null, 2)}\n`);
  return abs;
}
