import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCutoverError } from '../../core/src/errors.js';
import { allCells } from '../../matrix/src/matrix-file/cells.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { FIXTURES } from './helpers.js';

const ROOT = path.join(FIXTURES, 'matrix/matrix-file');

/** What loading a matrix file says: a summary of a valid one, or the error with every detail line. */
function describeLoad(file: string): string {
  const rel = path.relative(process.cwd(), file);
  try {
    const m = loadMatrixFile(file);
    const cells = allCells(m);
    return [
      `valid: ${m.rows.length} rows, os ${m.dimensions.os.join(' ')}, modes ${m.dimensions.mode.join(' ')}, ${cells.length} cells, ${cells.filter((c) => c.notApplicable).length} not applicable`,
      ...m.rows.map((r) => `row ${r.id} line ${r.line} required ${r.required} timeoutMs ${r.timeoutMs}`),
    ].join('\n');
  } catch (e) {
    if (!isCutoverError(e)) throw e;
    const loc = e.location?.line ? `:${e.location.line}` : '';
    return [`${e.code}${loc}: ${e.message}`, ...e.details].join('\n').split(rel).join('matrix.yaml');
  }
}

describe('matrix file', () => {
  for (const name of fs.readdirSync(ROOT).sort()) {
    it(name, () => {
      const dir = path.join(ROOT, name);
      const actual = `${describeLoad(path.join(dir, 'matrix.yaml'))}\n`;
      const expectedFile = path.join(dir, 'expected.txt');
      if (process.env.CUTOVER_UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, actual);
      expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
