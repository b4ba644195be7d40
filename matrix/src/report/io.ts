import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { MiB, readBounded } from '../../../core/src/config/bounded-read.js';
import { jsonErrorPosition } from '../../../core/src/config/json-position.js';
import { explainErrors } from '../../../core/src/config/validate.js';
import { shippedValidator } from '../../../core/src/validators/load.js';
import { ConfigError } from '../../../core/src/errors.js';
import { writeRedactedJson } from '../../../core/src/redact/write.js';
import type { CellResult, MatrixReport } from './types.js';

let validator: ValidateFunction | undefined;

/** Reports hold an output tail per run: thousands of cells fit well below this. */
export const MAX_REPORT_BYTES = 256 * MiB;

export function summarize(cells: readonly CellResult[]): MatrixReport['summary'] {
  const s: MatrixReport['summary'] = { passed: 0, failed: 0, error: 0, not_applicable: 0, skipped: 0 };
  for (const c of cells) s[c.status] = (s[c.status] ?? 0) + 1;
  return s;
}

/** Reads and validates a report; a missing, unparsable or malformed file is a ConfigError naming it. */
export function readReport(file: string): MatrixReport {
  const read = readBounded(file, MAX_REPORT_BYTES);
  if (!read.ok) {
    throw new ConfigError(read.problem === 'missing' ? `no matrix report at ${file}` : `cannot read the matrix report ${file}: it ${read.message}`, {
      location: { file },
      hint: 'Run `cutover matrix run` (or `cutover matrix merge` for sharded runs) first.',
    });
  }
  const text = read.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorPosition(text);
    throw new ConfigError(`the matrix report is not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${(e as Error).message}`, {
      location: { file, ...(at ?? {}) },
      hint: 'Run the matrix again to rewrite it.',
    });
  }
  validator ??= shippedValidator('matrix-report');
  if (!validator(data)) {
    const problems = explainErrors(validator.errors ?? []);
    throw new ConfigError(`the matrix report does not have the report format (${problems.length} problem${problems.length === 1 ? '' : 's'})`, {
      location: { file },
      details: problems.slice(0, 10).map((p) => `${p.keyPath}: ${p.message}`),
      hint: 'Run the matrix again with this version of cutover to rewrite it.',
    });
  }
  return data as MatrixReport;
}

/** Written whole through the redacting writer (temp file and rename), so a reader never sees half a report. */
export function writeReport(file: string, report: MatrixReport): void {
  writeRedactedJson(file, report);
}

/** Stable order: file order of rows is kept by the runner; this sorts merged cells the same way everywhere. */
export function sortCells(cells: CellResult[], rowOrder: readonly string[]): CellResult[] {
  const rank = new Map(rowOrder.map((r, i) => [r, i]));
  return cells.sort(
    (a, b) =>
      (rank.get(a.row) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.row) ?? Number.MAX_SAFE_INTEGER) ||
      a.row.localeCompare(b.row) ||
      a.os.localeCompare(b.os) ||
      a.mode.localeCompare(b.mode),
  );
}
