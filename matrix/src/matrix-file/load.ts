import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { readDataFile } from '../../../core/src/config/read-file.js';
import { explainErrors, formatKeyPath, type SchemaProblem } from '../../../core/src/config/validate.js';
import { learnSecrets } from '../../../core/src/redact/learn.js';
import { shippedValidator } from '../../../core/src/validators/load.js';
import { ConfigError } from '../../../core/src/errors.js';
import { checkKind } from '../checks/registry.js';
import { placeholderNameProblems } from './placeholder-names.js';
import type { CheckSpec, MatrixFile, MatrixRow, NotApplicable, OsName, TargetSpec } from './types.js';

export const DEFAULT_ROW_TIMEOUT_MS = 120_000;

let validator: ValidateFunction | undefined;

interface RawMatrix {
  dimensions: { os: OsName[]; mode: string[] };
  defaults?: { timeoutMs?: number; required?: boolean };
  targets?: Record<string, TargetSpec>;
  rows: Array<Omit<MatrixRow, 'line' | 'required' | 'timeoutMs' | 'notApplicable'> & { required?: boolean; timeoutMs?: number; notApplicable?: NotApplicable[] }>;
}

/** Reads, validates and checks a matrix file; every problem is reported at once with its file:line. */
export function loadMatrixFile(file: string): MatrixFile {
  if (!fs.existsSync(file)) {
    throw new ConfigError(`matrix file not found: ${file}`, { location: { file }, hint: 'Check `matrix.file` in the config, or create the file (format: schema/matrix.schema.json).' });
  }
  const kind = /\.json$/i.test(file) ? 'json' : 'yaml';
  const text = fs.readFileSync(file, 'utf8');
  const raw = readDataFile(file, kind);
  validator ??= shippedValidator('matrix');
  const rel = path.relative(process.cwd(), file) || file;
  if (!validator(raw.data)) {
    // if/then pairs add a "must match then schema" error on top of the real ones; keep the real ones.
    const problems = explainErrors((validator.errors ?? []).filter((e) => e.keyword !== 'if')).map(clarify);
    throw new ConfigError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the matrix file`, {
      location: { file },
      details: problems.map((p) => `${rel}:${raw.lineOf(p.segments) ?? 1}  ${p.keyPath}: ${p.message}`),
      hint: 'The format is schema/matrix.schema.json in the cutover package.',
    });
  }
  const data = raw.data as RawMatrix;
  // Env vars, flags, URLs and headers of targets and checks: secrets known before anything runs.
  learnSecrets(data);
  const problems: string[] = [];
  const at = (segs: (string | number)[], message: string) => problems.push(`${rel}:${raw.lineOf(segs) ?? 1}  ${message}`);
  const seen = new Map<string, number>();
  const targets = data.targets ?? {};
  data.rows.forEach((row, i) => {
    const first = seen.get(row.id);
    if (first !== undefined) at(['rows', i, 'id'], `row id "${row.id}" is used twice (first at rows[${first}])`);
    else seen.set(row.id, i);
    if (row.target !== undefined && !targets[row.target]) at(['rows', i, 'target'], `unknown target "${row.target}" (defined: ${Object.keys(targets).join(', ') || 'none'})`);
    (row.notApplicable ?? []).forEach((na, j) => {
      if (na.os && !data.dimensions.os.includes(na.os)) at(['rows', i, 'notApplicable', j, 'os'], `os "${na.os}" is not in dimensions.os`);
      if (na.mode && !data.dimensions.mode.includes(na.mode)) at(['rows', i, 'notApplicable', j, 'mode'], `mode "${na.mode}" is not in dimensions.mode`);
    });
    const kind = checkKind(row.check.kind);
    for (const p of kind?.validate?.(row.check, { targets: Object.keys(targets), rowTarget: row.target }) ?? []) at(['rows', i, 'check', ...p.path], `rows[${i}].check${p.path.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('')}: ${p.message}`);
    for (const key of ['expectOutput'] as const) {
      const re = (row.check as CheckSpec)[key];
      if (typeof re === 'string') checkRegex(re, () => at(['rows', i, 'check', key], `not a valid regular expression: ${re}`));
    }
  });
  for (const p of placeholderNameProblems(data)) at(p.at, `${formatKeyPath(p.at)}: ${p.message}`);
  for (const [name, t] of Object.entries(targets)) {
    if (t.ready?.stdout !== undefined) checkRegex(t.ready.stdout, () => at(['targets', name, 'ready', 'stdout'], `not a valid regular expression: ${t.ready!.stdout}`));
  }
  if (problems.length) {
    throw new ConfigError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the matrix file`, { location: { file }, details: problems });
  }
  return {
    file,
    dir: path.dirname(file),
    hash: createHash('sha256').update(text).digest('hex'),
    dimensions: data.dimensions,
    targets,
    rows: data.rows.map((row, i) => ({
      ...row,
      required: row.required ?? data.defaults?.required ?? true,
      timeoutMs: row.timeoutMs ?? data.defaults?.timeoutMs ?? DEFAULT_ROW_TIMEOUT_MS,
      notApplicable: row.notApplicable ?? [],
      line: raw.lineOf(['rows', i]) ?? 1,
    })),
  };
}

// Shapes the schema can only say as property counts, said the way a person writes them.
const COUNT_MESSAGES: Array<[RegExp, string]> = [
  [/notApplicable\[\d+\]$/, 'names no cell: give os, mode or both, with the reason'],
  [/check$/, 'a harness check needs traces, scenarios or both'],
  [/measure$/, 'give exactly one of command or request'],
  [/budget$/, 'give p50Ms, p95Ms or both'],
  [/steps\[\d+\]$/, 'a lifecycle step is one action: { start: … }, { signal: … }, { expectExit: … } …'],
];

function clarify(p: SchemaProblem): SchemaProblem {
  if (!/(fewer|more) than \d+ propert/.test(p.message)) return p;
  const better = COUNT_MESSAGES.find(([re]) => re.test(p.keyPath));
  return better ? { ...p, message: better[1] } : p;
}

function checkRegex(source: string, onError: () => void): void {
  try {
    new RegExp(source);
  } catch {
    onError();
  }
}
