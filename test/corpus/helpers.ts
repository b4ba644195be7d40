/**
 * The corpus suite's plumbing: where the corpus is, the fixture format, and one cold run of
 * cutover's extraction and rules over an app with the config a new user would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import type { FactIndex } from '../../manifests/src/build/index-facts.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { REPO_ROOT } from '../support/cli.js';
import { CORPUS } from '../support/corpus-dir.js';

export { CORPUS };
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/corpus');
export const APPS = ['ecopaste', 'claudia', 'pot-desktop', 'clash-nyanpasu', 'yaak'] as const;

/** A count with its reason: exact (`n`) or a range the fixture explains (`min`/`max`). */
export interface ExpectedCount {
  n?: number;
  min?: number;
  max?: number;
  why: string;
}

/** A place in the app: `line`, or any line of `lines` (a call or item spanning several). */
export interface Site {
  file: string;
  line: number;
  lines?: [number, number];
  why: string;
}

export interface Defect extends Site {
  rule: string;
  name: string;
}

export interface UnresolvableSite extends Site {
  role: 'invoke' | 'listen' | 'emit' | 'registration' | 'dispatch';
  /** false: reporting it is allowed but not required (another site already covers what it hides). */
  mustReport?: boolean;
  /** Sites that, all extracted, make reporting this one unnecessary (a wrapper followed to its callers). */
  orFollowedAt?: { file: string; line: number }[];
  /** Other places a report of the same construct may be made at (the call that passes the run-time value in). */
  orReportedAt?: { file: string; line: number }[];
}

export interface Expected {
  app: string;
  origin: string;
  counts: Record<CountKey, ExpectedCount>;
  defects: Defect[];
  unresolved: UnresolvableSite[];
  /** Valid Rust the grammar cannot parse: never an error, always reported (`parse-recovered`). */
  grammarGaps: Site[];
  notes?: { file?: string; line?: number; what: string }[];
}

export const COUNT_KEYS = ['commands', 'registrations', 'invokes', 'listens', 'emits.rust', 'emits.frontend'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export function readExpected(app: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, app, 'expected.json'), 'utf8')) as Expected;
}

export interface CorpusRun {
  findings: Finding[];
  facts: FactIndex;
}

/**
 * One cold run (no cache) of what `cutover check` runs, with the fixture's config as if it lay in
 * the app's root: the corpus is read-only, and paths in findings are then relative to the app.
 */
export async function runCutover(app: string): Promise<CorpusRun> {
  const appDir = path.join(CORPUS, app);
  const data = JSON.parse(fs.readFileSync(path.join(FIXTURES, app, 'cutover.config.json'), 'utf8')) as unknown;
  const loaded = validateConfig(data, path.join(appDir, 'cutover.config.json'));
  const a = await analyze(manifestOptions(loaded, { cache: false }));
  return { findings: runChecks(a), facts: a.facts };
}

const distinct = (locs: { loc: { file: string; line: number } }[]) => new Set(locs.map((f) => `${f.loc.file}:${f.loc.line}`)).size;

/** cutover's figure for each count, from its facts: sites, so one line is counted once. */
export function cutoverCounts(facts: FactIndex): Record<CountKey, number> {
  return {
    commands: distinct(facts.definitions),
    registrations: facts.registrations.length,
    invokes: distinct(facts.invokes),
    listens: distinct(facts.listens.filter((l) => l.side === 'frontend')),
    'emits.rust': distinct(facts.emits.filter((e) => e.side === 'rust')),
    'emits.frontend': distinct(facts.emits.filter((e) => e.side === 'frontend')),
  };
}

export const within = (s: Site, file: string | undefined, line: number | undefined): boolean =>
  file === s.file && line !== undefined && line >= (s.lines?.[0] ?? s.line) && line <= (s.lines?.[1] ?? s.line);

export const where = (f: { id?: string; file?: string; line?: number; message?: string }) => `${f.id ?? ''} ${f.file}:${f.line} ${f.message?.slice(0, 140) ?? ''}`.trim();
