/**
 * Splits a run's findings into those the baseline accepts and new ones, and says which accepted
 * findings are gone (fixed). Matching is by fingerprint, up to the count the baseline accepts: a
 * third invoke of the same unregistered command in the same file, where two were accepted, is new.
 */
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import { sortFindings } from '../../../core/src/findings.js';
import { entryOf, type Baseline, type BaselineEntry } from './file.js';

export interface BaselineResult {
  /** Findings the baseline does not accept: these decide the exit code. */
  fresh: Finding[];
  baselined: Finding[];
  /** Accepted findings no longer found, each with how many of its count are gone. */
  fixed: BaselineEntry[];
}

/** The file of a finding as the baseline writes it: relative to the baseline's folder. */
export function baselinePath(f: Finding, root: string, baselineDir: string): string | undefined {
  return f.file === undefined ? undefined : path.relative(baselineDir, path.resolve(root, f.file)).split(path.sep).join('/');
}

/** `findings` have paths relative to `root`. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, root: string): BaselineResult {
  const dir = path.dirname(baseline.file);
  const left = new Map(baseline.entries.map((e) => [e.fingerprint, e.count]));
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of sortFindings(findings)) {
    const key = entryOf(f, baselinePath(f, root, dir)).fingerprint;
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      baselined.push(f);
    } else fresh.push(f);
  }
  const fixed = baseline.entries.filter((e) => (left.get(e.fingerprint) ?? 0) > 0).map((e) => ({ ...e, count: left.get(e.fingerprint)! }));
  return { fresh, baselined, fixed };
}

/** Entries for every error and warning of a run (info never fails a run, so it needs no acceptance). */
export function baselineEntries(findings: readonly Finding[], root: string, baselineDir: string): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const e = entryOf(f, baselinePath(f, root, baselineDir));
    const had = byKey.get(e.fingerprint);
    if (had) had.count++;
    else byKey.set(e.fingerprint, { ...e, count: 1 });
  }
  return [...byKey.values()];
}
