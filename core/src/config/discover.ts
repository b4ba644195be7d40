import fs from 'node:fs';
import path from 'node:path';

/** Order matters when a folder has more than one: the typed forms win. */
export const CONFIG_NAMES = [
  'cutover.config.ts',
  'cutover.config.mts',
  'cutover.config.mjs',
  'cutover.config.js',
  'cutover.config.json',
  'cutover.config.yaml',
  'cutover.config.yml',
];

/** Finds the nearest config from `cwd` upward; stops at the filesystem root. */
export function discoverConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return file;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
