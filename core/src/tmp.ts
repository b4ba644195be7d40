import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup.js';

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

/** A temp dir that is removed on dispose, and on Ctrl-C if the caller never got that far. */
export async function makeTempDir(prefix = 'cutover-'): Promise<TempDir> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const remove = onCleanup(`temp dir ${dir}`, () => fs.rm(dir, { recursive: true, force: true }));
  return { path: dir, remove };
}
