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

/**
 * The project's cache folder, else this user's (`$XDG_CACHE_HOME/cutover`, `~/.cache/cutover`):
 * where caches live, not the temp dir, which cutover keeps clean of everything it makes.
 */
export function cacheDir(fromDir: string): string {
  return projectCacheDir(fromDir) ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cutover');
}
