import path from 'node:path';

// Letters, digits, dot, dash and underscore, not starting with a dot: a file name, never a path.
const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * The evidence file of a task id, or undefined when the id would name a file outside the
 * evidence folder (`../../etc/passwd`, `a/b`, an absolute path, `..`).
 */
export function evidencePath(dir: string, id: string): string | undefined {
  if (!SAFE_ID.test(id) || id.includes('..')) return undefined;
  const file = path.resolve(dir, `${id}.md`);
  return path.dirname(file) === path.resolve(dir) ? file : undefined;
}

export function outputsDir(evidenceFile: string): string {
  return evidenceFile.replace(/\.md$/, '.outputs');
}
