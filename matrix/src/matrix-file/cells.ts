import type { Cell, MatrixFile, MatrixRow, OsName } from './types.js';

/** The declared reason a cell does not apply, if any (the first matching declaration wins). */
export function notApplicableReason(row: MatrixRow, os: OsName, mode: string): string | undefined {
  const hit = row.notApplicable.find((na) => (na.os === undefined || na.os === os) && (na.mode === undefined || na.mode === mode));
  return hit?.reason;
}

/** Every cell of the grid, in file order: row, then os, then mode. */
export function allCells(matrix: MatrixFile): Cell[] {
  const out: Cell[] = [];
  for (const row of matrix.rows) {
    for (const os of matrix.dimensions.os) {
      for (const mode of matrix.dimensions.mode) {
        const reason = notApplicableReason(row, os, mode);
        out.push(reason === undefined ? { row, os, mode } : { row, os, mode, notApplicable: reason });
      }
    }
  }
  return out;
}

export function hostOs(platform: NodeJS.Platform = process.platform): OsName | undefined {
  if (platform === 'linux') return 'linux';
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  return undefined;
}
