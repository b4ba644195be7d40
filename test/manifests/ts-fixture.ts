import fs from 'node:fs';
import path from 'node:path';
import { sortFindings } from '../../core/src/findings.js';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import { aliasSources } from '../../manifests/src/extract/aliases.js';
import type { IncrementalContext } from '../../manifests/src/extract/incremental.js';
import { reachedOf, settleWrappers } from '../../manifests/src/extract/wrappers.js';
import type { ExtractResult, Fact, SourceFile, TsOptions } from '../../manifests/src/model.js';
import { DEFAULT_TAURI_MODULES } from '../../manifests/src/ts/tauri-modules.js';
import { REPO_ROOT } from '../support/cli.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/manifests');

export const DEFAULT_TS: TsOptions = {
  handlerRegistrars: ['registerHandler'],
  handlerMaps: ['handlers'],
  switchDiscriminants: ['command', 'cmd'],
  emitters: ['emit'],
  invokeFunctions: [],
  listenFunctions: [],
  tauriModules: DEFAULT_TAURI_MODULES,
};

interface FixtureOptions {
  group: 'sidecar' | 'frontend';
  ts?: Partial<TsOptions>;
  schemas?: boolean;
  /** The group's configured import aliases (`manifests.<group>.paths`). */
  paths?: Record<string, string[]>;
}

/** What every TypeScript extractor of the fixture's group returned, by extractor id; empty results left out. */
export type TsOutput = Record<string, ExtractResult>;

function sources(root: string, dir = root): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(root, full));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push({ path: full, rel: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/**
 * Runs the TypeScript extractors of a fixture's group over `input/` (wrapper calls joined as in a
 * real run). With UPDATE_FIXTURES=1 the result is written to expected.json: review it before committing.
 */
export async function extractTsFixture(name: string): Promise<TsOutput> {
  const dir = path.join(FIXTURES, name);
  const opts = JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')) as FixtureOptions;
  const root = path.join(dir, 'input');
  const files = sources(root);
  const ctx: IncrementalContext = {
    root,
    files,
    aliases: aliasSources(root, files, opts.paths),
    rust: { forwardCalls: [], injectedTypes: [] },
    ts: { ...DEFAULT_TS, ...opts.ts },
    schemas: opts.schemas ?? true,
  };
  const raw: [string, ExtractResult][] = [];
  for (const ex of EXTRACTORS) if (ex.group === opts.group) raw.push([ex.id, await ex.extract(ctx)]);
  const reached = reachedOf(raw.flatMap(([, r]) => r.facts));
  const out: TsOutput = {};
  for (const [id, r] of raw) {
    const facts = settleWrappers(r.facts, reached);
    if (facts.length || r.findings.length) out[id] = { facts, findings: sortFindings(r.findings) };
  }
  const json = JSON.parse(JSON.stringify(out)) as TsOutput;
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(json, null, 2)}\n`);
  return json;
}

export function expectedTs(name: string): TsOutput {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as TsOutput;
}

export function factsOf<K extends Fact['kind']>(out: TsOutput, kind: K): Array<Extract<Fact, { kind: K }>> {
  return Object.values(out).flatMap((r) => r.facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind));
}

/** `name@line` of every fact of a kind, for compact assertions. */
export function names(out: TsOutput, kind: 'invoke' | 'listen' | 'emit' | 'handler'): string[] {
  return factsOf(out, kind).map((f) => `${f.name}@${f.loc.line}`);
}
