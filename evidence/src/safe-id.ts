import path from 'node:path';

// Letters, digits, dot, dash and underscore, not starting with a dot: a file name, never a path.
const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * The evidence file of a task id, or undefined when the id would name a file outside the
 * evidence folder (`../../etc/passwd`, `a/b`, an absolute path, `..`).
 */
export function evidencePath(dir: string, id: string): string | undefined {
  if (!SAFE_ID.test(id) || id.includes('..')) return undefined;
  // A safe id has no separator and is not "." or "..": the file is the folder plus the name, with
  // no resolving per task (thousands of them share one folder).
  return `${resolved(dir)}${path.sep}${id}.md`;
}

let last: { dir: string; abs: string } | undefined;
function resolved(dir: string): string {
  if (last?.dir !== dir) last = { dir, abs: path.resolve(dir) };
  return last.abs;
}

export function outputsDir(evidenceFile: string): string {
  return evidenceFile.replace(/\.md$/, '.outputs');
}
