/** Finds and reads each source group's files, with a content hash for the cache. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { SourceFile } from '../model.js';
import type { Group, ManifestOptions } from '../options.js';

export interface HashedFile extends SourceFile {
  hash: string;
}

export interface GroupFiles {
  group: Group;
  files: HashedFile[];
  /** Hash of the sorted file list (names only). */
  listHash: string;
  /** Hash of every file's name and content. */
  contentHash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function readGroup(opts: ManifestOptions, group: Group): Promise<GroupFiles> {
  const spec = opts.groups[group];
  const rels = (await glob(spec.include, { cwd: opts.root, ignore: spec.exclude, onlyFiles: true, dot: false, expandDirectories: false })).sort();
  // Read one after another, synchronously: for hundreds of small files a tenth of what a promise
  // per file costs (open, fstat, read and close each go through the thread pool and back).
  const files = rels.map((rel): HashedFile => {
    const abs = path.join(opts.root, rel);
    const text = fs.readFileSync(abs, 'utf8');
    return { path: abs, rel: rel.split(path.sep).join('/'), text, hash: sha256(text) };
  });
  return {
    group,
    files,
    listHash: sha256(files.map((f) => f.rel).join('\n')),
    contentHash: sha256(files.map((f) => `${f.rel}\0${f.hash}`).join('\n')),
  };
}
