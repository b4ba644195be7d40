import { UsageError } from '../../../core/src/errors.js';
import { notApplicableReason } from '../matrix-file/cells.js';
import type { MatrixFile, MatrixRow, OsName } from '../matrix-file/types.js';
import type { ShardInfo } from '../report/types.js';

export function parseShard(value: string): ShardInfo {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) {
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n (e.g. 2/3), got "${value}"`);
  }
  return { index, total };
}

/** Rows with at least one cell to run on this OS, in file order: what shards split between them. */
export function rowsForOs(matrix: MatrixFile, os: OsName): MatrixRow[] {
  if (!matrix.dimensions.os.includes(os)) return [];
  return matrix.rows.filter((row) => matrix.dimensions.mode.some((mode) => notApplicableReason(row, os, mode) === undefined));
}

/**
 * Row ids in shard i of n for one OS: round robin over `rowsForOs`, so every row lands in exactly
 * one shard and `matrix plan` and `matrix run --shard` agree without talking to each other.
 */
export function rowsInShard(matrix: MatrixFile, os: OsName, shard: ShardInfo): Set<string> {
  return new Set(
    rowsForOs(matrix, os)
      .filter((_r, i) => i % shard.total === shard.index - 1)
      .map((r) => r.id),
  );
}
