import type { MatrixFile, OsName } from '../matrix-file/types.js';
import type { MatrixSettings } from '../settings.js';
import { rowsForOs, rowsInShard } from '../run/shard.js';

export interface PlanJob {
  /** The matrix's name for the OS. */
  os: OsName;
  /** The CI runner label that runs it. */
  runner: string;
  /** `i/n`, as `matrix run --shard` takes it. */
  shard: string;
  /** A readable job name. */
  name: string;
  rows: string[];
}

/**
 * One job per OS and shard: every OS in the matrix that has a cell to run gets
 * min(shardsPerOs, its row count) jobs, and `rowsInShard` decides each job's rows the same
 * way `matrix run --shard` will.
 */
export function planJobs(matrix: MatrixFile, settings: MatrixSettings, shardsPerOs = settings.shardsPerOs): PlanJob[] {
  const jobs: PlanJob[] = [];
  for (const os of matrix.dimensions.os) {
    const rows = rowsForOs(matrix, os);
    const total = Math.min(shardsPerOs, rows.length);
    for (let index = 1; index <= total; index++) {
      const shard = { index, total };
      jobs.push({
        os,
        runner: settings.runners[os],
        shard: `${index}/${total}`,
        name: total === 1 ? os : `${os} ${index}/${total}`,
        rows: [...rowsInShard(matrix, os, shard)],
      });
    }
  }
  return jobs;
}

/** The `strategy.matrix` value for GitHub Actions: `{ include: [...] }`, one line, for `fromJSON`. */
export function githubMatrix(jobs: readonly PlanJob[]): string {
  return JSON.stringify({ include: jobs.map(({ os, runner, shard, name }) => ({ os, runner, shard, name })) });
}
