import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * cutover's cache folder for a project: `node_modules/.cache/cutover` of the nearest node_modules
 * above `fromDir` (the project's own, where build tools keep their caches), or undefined when
 * there is none.
 */
export function projectCacheDir(fromDir: string): string | undefined {
  for (let dir = path.resolve(fromDir); ; ) {
    if (fs.existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'cutover');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The project's cache folder, else one of this user's in the OS temp dir. */
export function cacheDir(fromDir: string): string {
  const own = projectCacheDir(fromDir);
  if (own) return own;
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username || 'user';
  return path.join(os.tmpdir(), `cutover-cache-${user}`);
}
