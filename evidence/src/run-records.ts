import { createHash } from 'node:crypto';
import path from 'node:path';
import { confinement, MiB } from '../../core/src/config/bounded-read.js';
import type { LoadedConfig } from '../../core/src/config/index.js';
import { evidenceSettings } from './config.js';
import { evidencePath } from './safe-id.js';

/**
 * What the matrix wrote into a task's evidence for one run, as a machine-readable line inside the
 * generated block (an HTML comment, so it does not show when the markdown is read):
 *   <!-- cutover:run {"n":1,"check":"smoke (shell)","cell":"linux/user","run":"…","exitCode":3,"passed":false,"sha256":"…","output":"T-1.outputs/1.log"} -->
 * The gate reads them back to cross-check a report against the evidence the same run wrote.
 */
export interface RunRecordLine {
  n: number;
  check?: string;
  cell?: string;
  /** The id of the matrix run that wrote it (the report's cells carry the same). */
  run?: string;
  exitCode: number | null;
  passed: boolean;
  sha256: string;
  /** The stored output, relative to the evidence file. */
  output: string;
}

const PREFIX = '<!-- cutover:run ';

/** One line; `--` cannot appear inside an HTML comment, so it is written as a JSON escape. */
export function recordLine(rec: RunRecordLine): string {
  return `${PREFIX}${JSON.stringify(rec).replace(/--/g, '-\\u002d')} -->`;
}

function valid(v: unknown): v is RunRecordLine {
  const r = v as Record<string, unknown>;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.n === 'number' &&
    (r.exitCode === null || typeof r.exitCode === 'number') &&
    typeof r.passed === 'boolean' &&
    typeof r.sha256 === 'string' &&
    typeof r.output === 'string' &&
    ['check', 'cell', 'run'].every((k) => r[k] === undefined || typeof r[k] === 'string')
  );
}

export function parseRunRecords(text: string): RunRecordLine[] {
  const out: RunRecordLine[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith(PREFIX) || !t.endsWith('-->')) continue;
    try {
      const v: unknown = JSON.parse(t.slice(PREFIX.length, -3));
      if (valid(v)) out.push(v);
    } catch {
      // A hand-mangled line is not a record; the cross-check then has nothing to compare it with.
    }
  }
  return out;
}

export type StoredOutput = 'matches' | 'differs' | 'missing' | 'unreadable';

export interface TaskRunRecords {
  /** The evidence file (absolute); undefined when the task id names no file. */
  file: string | undefined;
  records: Array<RunRecordLine & { stored: StoredOutput; outputFile: string }>;
}

/** Logs are a run's output; the cap only guards against a file that is not one. */
const MAX_LOG_BYTES = 64 * MiB;

/**
 * The run records of a task's evidence (where the matrix writes it: `<evidence dir>/<ID>.md`),
 * each with whether its stored output still has the sha256 the record gives. Reads are confined to
 * the repository and bounded like every evidence read.
 */
export function readRunRecords(loaded: LoadedConfig, taskId: string): TaskRunRecords {
  const settings = evidenceSettings(loaded);
  const file = evidencePath(settings.dir, taskId);
  if (!file) return { file: undefined, records: [] };
  const jail = confinement([settings.repository, settings.dir]);
  const read = jail.read(file, 4 * MiB);
  if (!read.ok) return { file, records: [] };
  const records = parseRunRecords(read.text).map((r) => {
    const outputFile = path.resolve(path.dirname(file), r.output);
    const log = jail.read(outputFile, MAX_LOG_BYTES);
    const stored: StoredOutput = log.ok ? (createHash('sha256').update(log.text).digest('hex') === r.sha256 ? 'matches' : 'differs') : log.problem === 'missing' ? 'missing' : 'unreadable';
    return { ...r, stored, outputFile };
  });
  return { file, records };
}
