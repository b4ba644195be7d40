/** What `cutover check` does with the baseline: write it (`--update-baseline`), or subtract it. */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import type { ManifestOptions } from '../options.js';
import { applyBaseline, baselineEntries, type BaselineResult } from './apply.js';
import { readBaseline, renderBaseline } from './file.js';

export interface BaselineSplit extends BaselineResult {
  /** The baseline file in use, if any. */
  file?: string;
}

/** The run's findings against the baseline (all fresh when there is none, or it is turned off). */
export function splitByBaseline(options: ManifestOptions, findings: readonly Finding[]): BaselineSplit {
  const base = options.baseline ? readBaseline(options.baseline) : undefined;
  if (!base) return { fresh: [...findings], baselined: [], fixed: [] };
  return { file: base.file, ...applyBaseline(findings, base, options.root) };
}

/** Writes the baseline from a run's errors and warnings; returns the file and what it accepts. */
export function writeBaseline(options: ManifestOptions, findings: readonly Finding[], fallbackDir: string): { file: string; errors: number; warnings: number; previous: number | undefined } {
  const file = options.baseline || path.join(fallbackDir, 'cutover.baseline.json');
  let previous: number | undefined;
  try {
    previous = readBaseline(file)?.entries.reduce((n, e) => n + e.count, 0);
  } catch {
    previous = undefined;
  }
  const entries = baselineEntries(findings, options.root, path.dirname(file));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderBaseline(entries));
  const count = (s: string) => entries.filter((e) => e.severity === s).reduce((n, e) => n + e.count, 0);
  return { file, errors: count('error'), warnings: count('warning'), previous };
}
