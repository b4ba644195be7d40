import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The one way cutover asks git something (the commit and fingerprint a report is tied to). Short queries with a limit, not targets: they do
 * not go through the process supervisor.
 */
export function git(dir: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd: dir, timeout: 30_000, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    if (input !== undefined) child.stdin!.end(input);
  });
}

/**
 * The repository holding a folder: the nearest folder above it with a `.git` (a folder, or the
 * file a worktree has), else the folder itself. Read from the file system, so it needs no git.
 */
export function repositoryRoot(dir: string): string {
  let d = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return path.resolve(dir);
    d = parent;
  }
}
