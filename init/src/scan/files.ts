/** The repository's files as init sees them: no dependencies, build output, VCS data or tests. */
import fs from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';

export const IGNORED = ['**/node_modules/**', '**/target/**', '**/dist/**', '**/build/**', '**/out/**', '**/.git/**', '**/.cutover/**', '**/.cutover-cache/**', '**/coverage/**'];
const TESTS = ['**/*.d.ts', '**/*.test.*', '**/*.spec.*', '**/__tests__/**'];

export const SCRIPT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** Single-file components, whose <script> blocks the frontend scan reads. */
export const COMPONENT_EXTENSIONS = ['svelte', 'vue'];

/** Every kind of file a frontend's code may be in. */
export const SOURCE_EXTENSIONS = [...SCRIPT_EXTENSIONS, ...COMPONENT_EXTENSIONS];

/** POSIX paths relative to `root`, sorted. */
export async function findFiles(root: string, patterns: string[], opts: { tests?: boolean } = {}): Promise<string[]> {
  const ignore = [...IGNORED, ...(opts.tests ? [] : TESTS)];
  return (await glob(patterns, { cwd: root, ignore, onlyFiles: true, dot: false, expandDirectories: false })).sort();
}

/** A file's text, or undefined when it cannot be read (a broken link, a folder named like a file). */
export function readText(root: string, rel: string): string | undefined {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch {
    return undefined;
  }
}

/** `a/b/c.ts` → `a/b`; the root is `.`. */
export function dirOf(rel: string): string {
  return path.posix.dirname(rel);
}

/** Whether `rel` is `dir` or under it. */
export function isUnder(rel: string, dir: string): boolean {
  return dir === '.' || rel === dir || rel.startsWith(`${dir}/`);
}

/** `dir` joined to a glob, without a leading `./`. */
export function under(dir: string, pattern: string): string {
  return dir === '.' ? pattern : `${dir}/${pattern}`;
}
