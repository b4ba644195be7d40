import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup.js';
import { orphanGuard } from './process/guard.js';
import { runId } from './process/marks.js';

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

/**
 * A temp dir that is removed on dispose, on Ctrl-C if the caller never got that far, and by the
 * orphan guard if cutover is killed outright. Its name carries the run's id (`cutover-cell-<pid>-
 * <random>-XXXXXX`), so a later run can tell the dirs of runs that died and sweep them.
 */
export async function makeTempDir(prefix = 'cutover-'): Promise<TempDir> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `${prefix}${runId()}-`));
  orphanGuard.dir(dir);
  const dispose = onCleanup(`temp dir ${dir}`, () => fsp.rm(dir, { recursive: true, force: true }));
  return {
    path: dir,
    remove: async () => {
      await dispose();
      orphanGuard.undir(dir);
    },
  };
}

const OWNED = /^cutover-(?:[a-z]+-)*?(\d+)-[0-9a-f]{8}-[A-Za-z0-9]{6}$/;

/**
 * Removes the temp dirs of cutover runs whose process is gone (killed before it could clean up,
 * with its orphan guard gone too). Dirs of live runs, and anything not named by a run, stay.
 * Returns what it removed.
 */
export function sweepStaleTempDirs(dir = os.tmpdir()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = OWNED.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // not ours to remove after all (another user's); leave it
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
