/** The JavaScript packages of the repository: each package.json's folder and name. */
import path from 'node:path';
import { dirOf, findFiles, isUnder, readText } from './files.js';

export interface Package {
  dir: string;
  name?: string;
  main?: string;
  scripts: Record<string, string>;
}

export async function findPackages(root: string): Promise<Package[]> {
  const out: Package[] = [];
  for (const rel of await findFiles(root, ['**/package.json'], { tests: true })) {
    try {
      const doc = JSON.parse(readText(root, rel) ?? '') as { name?: unknown; main?: unknown; scripts?: unknown };
      out.push({
        dir: dirOf(rel),
        ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
        ...(typeof doc.main === 'string' ? { main: path.posix.normalize(doc.main) } : {}),
        scripts: doc.scripts !== null && typeof doc.scripts === 'object' ? (doc.scripts as Record<string, string>) : {},
      });
    } catch {
      // not JSON: not a package cutover can use
    }
  }
  if (!out.some((p) => p.dir === '.')) out.push({ dir: '.', scripts: {} });
  return out;
}

/** The package a file belongs to: the deepest package folder above it. */
export function packageOf(packages: readonly Package[], rel: string): Package {
  return packages.filter((p) => isUnder(rel, p.dir)).sort((a, b) => b.dir.length - a.dir.length)[0]!;
}
