/**
 * `cutover.baseline.json`: the findings an app already had when it adopted cutover (or when the
 * team last accepted them), so `cutover check` fails only on new ones. Deterministic: entries
 * sorted, no times, paths relative to the file's own folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAjv, explainErrors } from '../../../core/src/config/validate.js';
import { readDataFile } from '../../../core/src/config/read-file.js';
import { ConfigError } from '../../../core/src/errors.js';
import type { Finding, Severity } from '../../../core/src/findings.js';
import { readShippedSchema } from '../../../core/src/schemas.js';
import { fingerprint, namesOf } from './fingerprint.js';

export const BASELINE_SCHEMA_FILE = 'schema/baseline.schema.json';

export interface BaselineEntry {
  rule: string;
  severity: Severity;
  /** Relative to the baseline's folder; absent for a finding about no file. */
  file?: string;
  names: string[];
  /** How many findings with this fingerprint are accepted. */
  count: number;
  fingerprint: string;
}

export interface Baseline {
  file: string;
  entries: BaselineEntry[];
}

/** A finding's entry; `file` is relative to the baseline's folder. */
export function entryOf(f: Finding, file: string | undefined): Omit<BaselineEntry, 'count'> {
  const names = namesOf(f);
  return { rule: f.id, severity: f.severity, ...(file !== undefined ? { file } : {}), names, fingerprint: fingerprint(f.id, file, names) };
}

export function renderBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => ((a.file ?? '') + a.rule + a.fingerprint < (b.file ?? '') + b.rule + b.fingerprint ? -1 : 1));
  const doc = {
    formatVersion: 1,
    about: 'Findings `cutover check` accepts: written by `cutover check --update-baseline`; a run fails only on findings not counted here. Matched by rule, names and file, never by line.',
    findings: sorted.map((e) => ({ rule: e.rule, severity: e.severity, ...(e.file !== undefined ? { file: e.file } : {}), names: e.names, count: e.count, fingerprint: e.fingerprint })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The baseline, or undefined when there is none; a file that is not one is a config error at its line. */
export function readBaseline(file: string): Baseline | undefined {
  if (!fs.existsSync(file)) return undefined;
  const raw = readDataFile(file, 'json');
  const validate = createAjv().compile(readShippedSchema(BASELINE_SCHEMA_FILE));
  if (!validate(raw.data)) {
    const name = path.basename(file);
    throw new ConfigError(`${name} is not a cutover baseline`, {
      location: { file },
      details: explainErrors(validate.errors ?? []).slice(0, 20).map((p) => `${name}${raw.lineOf(p.segments) ? `:${raw.lineOf(p.segments)}` : ''}  ${p.keyPath}: ${p.message}`),
      hint: 'Write it again with `cutover check --update-baseline`, or delete it to check without one.',
    });
  }
  return { file, entries: (raw.data as { findings: BaselineEntry[] }).findings };
}
