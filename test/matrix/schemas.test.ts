import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATRIX_SCHEMA_FILE, matrixSchema } from '../../matrix/src/matrix-file/schema.js';
import { REPORT_SCHEMA_FILE, reportSchema } from '../../matrix/src/report/schema.js';
import { createAjv } from '../../core/src/config/validate.js';
import { REPO_ROOT } from '../support/cli.js';

// CUTOVER_UPDATE_SCHEMAS=1 rewrites the shipped files from the code that defines them.
const cases = [
  { file: MATRIX_SCHEMA_FILE, build: matrixSchema },
  { file: REPORT_SCHEMA_FILE, build: reportSchema },
];

describe('shipped matrix schemas', () => {
  for (const { file, build } of cases) {
    it(`${file} is current and compiles in strict mode`, () => {
      const text = `${JSON.stringify(build(), null, 2)}\n`;
      const target = path.join(REPO_ROOT, file);
      if (process.env.CUTOVER_UPDATE_SCHEMAS === '1') fs.writeFileSync(target, text);
      expect(fs.readFileSync(target, 'utf8'), `${file} is stale: run CUTOVER_UPDATE_SCHEMAS=1 vitest run test/matrix/schemas.test.ts`).toBe(text);
      expect(() => createAjv().compile(build())).not.toThrow();
    });
  }
});
