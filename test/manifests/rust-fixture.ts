import fs from 'node:fs';
import path from 'node:path';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import type { ExtractContext, ExtractResult, Fact, RustOptions, SourceFile } from '../../manifests/src/model.js';
import { sortFindings } from '../../core/src/findings.js';
import { REPO_ROOT } from '../support/cli.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/manifests');

/** What every Rust extractor returned for a fixture, by extractor id; empty results left out. */
export type RustOutput = Record<string, ExtractResult>;

const DEFAULT_RUST: RustOptions = { forwardCalls: ['send_command'], injectedTypes: [] };

function rustSources(root: string, dir = root): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...rustSources(root, full));
    else if (entry.name.endsWith('.rs')) out.push({ path: full, rel: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/** The context for a fixture: `input/` is the root, `options.json` (if any) overrides the Rust options. */
export function fixtureContext(name: string): ExtractContext {
  const dir = path.join(FIXTURES, name);
  const optionsFile = path.join(dir, 'options.json');
  const rust = fs.existsSync(optionsFile) ? { ...DEFAULT_RUST, ...(JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as Partial<RustOptions>) } : DEFAULT_RUST;
  const root = path.join(dir, 'input');
  const ts = { handlerRegistrars: [], handlerMaps: [], switchDiscriminants: [], emitters: [], invokeFunctions: [], listenFunctions: [], tauriModules: [] };
  return { root, files: rustSources(root), rust, ts };
}

/**
 * Runs every Rust extractor over a fixture. With UPDATE_FIXTURES=1 the result is written to
 * expected.json (review the diff before committing it).
 */
export async function extractFixture(name: string): Promise<RustOutput> {
  const ctx = fixtureContext(name);
  const out: RustOutput = {};
  for (const extractor of EXTRACTORS) {
    if (extractor.group !== 'rust') continue;
    const result = await extractor.extract(ctx);
    if (result.facts.length > 0 || result.findings.length > 0) out[extractor.id] = { facts: result.facts, findings: sortFindings(result.findings) };
  }
  const json = JSON.parse(JSON.stringify(out)) as RustOutput;
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync(path.join(FIXTURES, name, 'expected.json'), `${JSON.stringify(json, null, 2)}\n`);
  return json;
}

export function expectedOutput(name: string): RustOutput {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as RustOutput;
}

export function factsOf<K extends Fact['kind']>(out: RustOutput, kind: K): Array<Extract<Fact, { kind: K }>> {
  return Object.values(out).flatMap((r) => r.facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind));
}

export function command(out: RustOutput, name: string): Extract<Fact, { kind: 'command-definition' }> {
  const found = factsOf(out, 'command-definition').find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name} in the output`);
  return found;
}
