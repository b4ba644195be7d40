import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The cutover package root, both from sources (core/src) and from the build (dist/core/src). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const name = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name;
      if (name === 'cutover') return (cached = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cutover: cannot find its own package.json');
    dir = parent;
  }
}

export function cutoverVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Forward slashes, relative to `from`: the form every manifest, trace and report stores. */
export function toPosixRelative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join('/');
}
