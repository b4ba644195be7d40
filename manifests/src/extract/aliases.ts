/**
 * Where a TypeScript group's import aliases (`@/lib/api` → `src/lib/api`) are declared: the
 * configured `paths` of the group, and the tsconfig.json / jsconfig.json / vite.config.* files in
 * the folders above its files (up to the manifests root), as the compiler and the bundler would
 * find them. Only read here (their text goes into the cache key); `ts/aliases.ts` parses them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../model.js';

/** File names that may declare import aliases, in the order they are tried within one folder. */
export const ALIAS_FILES = ['tsconfig.json', 'tsconfig.app.json', 'jsconfig.json', 'vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];

export interface AliasSources {
  /** `paths` from the config, tsconfig syntax, targets relative to the manifests root. */
  paths: Record<string, string[]>;
  /** Alias-declaring files found above the group's files: POSIX path relative to root, and text. */
  files: { rel: string; text: string }[];
}

export function aliasSources(root: string, files: readonly SourceFile[], paths: Record<string, string[]> = {}): AliasSources {
  const dirs = new Set<string>();
  for (const f of files) {
    for (let d = path.posix.dirname(f.rel); !dirs.has(d); d = path.posix.dirname(d)) {
      dirs.add(d);
      if (d === '.' || d === '/' || d === '') break;
    }
  }
  const found: { rel: string; text: string }[] = [];
  for (const d of [...dirs].sort()) {
    for (const name of ALIAS_FILES) {
      const rel = d === '.' ? name : `${d}/${name}`;
      const abs = path.join(root, rel);
      try {
        if (fs.statSync(abs).isFile()) found.push({ rel, text: fs.readFileSync(abs, 'utf8') });
      } catch {
        // not there
      }
    }
  }
  return { paths, files: found };
}
