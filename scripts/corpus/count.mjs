#!/usr/bin/env node
/**
 * The corpus counter: an independent count of one corpus app's Tauri surface (commands,
 * registrations, invokes, listens, emits) and the candidate defects, for writing and re-checking
 * `test/fixtures/corpus/<app>/expected.json`. It reads the same globs as the fixture's
 * cutover.config.json, parses with tree-sitter (Rust) and the TypeScript compiler (TS), and shares
 * no code with cutover. Candidates are for reading: the fixture records what reading decided.
 *
 *   node scripts/corpus/count.mjs <app>… [--json] [--check] [--corpus DIR]
 *
 * --check compares the figures with the `counter` record of the app's expected.json (what the
 * counter printed when the fixture was written) and exits 1 when they differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { candidates } from './join.mjs';
import { analyzeRust } from './rust-project.mjs';
import { analyzeTs } from './ts-project.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = process.env.CUTOVER_CORPUS ? path.resolve(process.env.CUTOVER_CORPUS) : path.resolve(REPO, '../shared/corpus');
const ALWAYS_OUT = ['**/node_modules/**', '**/dist/**', '**/target/**', '**/*.d.ts', '**/*.test.*', '**/*.spec.*', '**/__tests__/**'];

/** Reads the fixture config's globs (the same a user gives cutover) and lists the files. */
export async function sources(app, corpus = CORPUS) {
  const appDir = path.join(corpus, app);
  const config = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/corpus', app, 'cutover.config.json'), 'utf8')).manifests;
  const list = async (g) => (g?.include ? (await glob(g.include, { cwd: appDir, ignore: [...ALWAYS_OUT, ...(g.exclude ?? [])] })).sort() : []);
  const rust = await list(config.rust ?? { include: ['src-tauri/src/**/*.rs'] });
  const frontend = await list(config.frontend ?? { include: ['src/**/*.{ts,tsx}'] });
  const cargo = (await glob(['**/Cargo.toml'], { cwd: appDir, ignore: ['**/node_modules/**'] })).sort();
  const packages = [];
  for (const rel of await glob(['**/package.json'], { cwd: appDir, ignore: ['**/node_modules/**'] })) {
    const pj = JSON.parse(fs.readFileSync(path.join(appDir, rel), 'utf8'));
    const entry = [pj.types, pj.main, pj.module].find((e) => typeof e === 'string' && /\.(ts|tsx)$/.test(e));
    if (pj.name) packages.push({ name: pj.name, dir: path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel), entry });
  }
  const configured = { invoke: config.frontend?.invokeFunctions ?? [], listen: config.frontend?.listenFunctions ?? [] };
  return { appDir, rust, frontend, cargo, packages, configured };
}

export async function count(app, corpus = CORPUS) {
  const src = await sources(app, corpus);
  const rust = await analyzeRust(src.appDir, src.rust, src.cargo);
  const texts = new Map(src.frontend.map((rel) => [rel, fs.readFileSync(path.join(src.appDir, rel), 'utf8')]));
  const tsa = analyzeTs(texts, src.packages, src.configured);
  const fe = (role) => tsa.sites.filter((s) => s.role === role);
  const report = {
    app,
    files: { rust: src.rust.length, frontend: src.frontend.length },
    commands: rust.commands,
    questionableCommands: rust.questionable,
    registrations: rust.registrations,
    builders: rust.builders,
    invokes: fe('invoke'),
    listens: [...fe('listen').map((s) => ({ ...s, side: 'frontend' })), ...rust.listens],
    emits: [...rust.emits, ...fe('emit').map((s) => ({ ...s, side: 'frontend' }))],
    emitWrappers: rust.emitWrappers,
    wrappers: tsa.wrappers,
    memberWrappers: tsa.memberWrappers,
    dynamicImports: tsa.dynamicImports,
    rustParseErrors: rust.parseErrors,
    missingModules: rust.missingModules,
  };
  report.candidates = candidates(report);
  return report;
}

/** The counts as the fixtures state them: sites (distinct file:line) with a static name. */
export function figures(r) {
  const sites = (xs) => new Set(xs.map((x) => `${x.file}:${x.line}`)).size;
  const named = (xs) => xs.filter((x) => x.names);
  return {
    commands: sites(r.commands),
    registrations: r.registrations.length,
    invokes: sites(named(r.invokes)),
    listens: sites(named(r.listens.filter((x) => x.side === 'frontend'))),
    'emits.rust': sites(named(r.emits.filter((x) => x.side === 'rust'))),
    'emits.frontend': sites(named(r.emits.filter((x) => x.side === 'frontend'))),
  };
}

function summary(r) {
  const n = (xs, f = () => true) => xs.filter(f).length;
  const lines = [
    `${r.app}: rust ${r.files.rust} files, frontend ${r.files.frontend} files`,
    `  figures ${JSON.stringify(figures(r))}`,
    `  commands ${r.commands.length} (questionable #[command] ${r.questionableCommands.length})`,
    `  registrations ${r.registrations.length} (app ${n(r.registrations, (x) => !x.plugin)}, plugin ${n(r.registrations, (x) => x.plugin)})`,
    `  invokes ${r.invokes.length} (static ${n(r.invokes, (x) => x.names)}, dynamic ${n(r.invokes, (x) => x.dynamic)})`,
    `  listens ${r.listens.length} (frontend ${n(r.listens, (x) => x.side === 'frontend')}, rust ${n(r.listens, (x) => x.side === 'rust')}; dynamic ${n(r.listens, (x) => x.dynamic)})`,
    `  emits ${r.emits.length} (rust ${n(r.emits, (x) => x.side === 'rust')}, frontend ${n(r.emits, (x) => x.side === 'frontend')}; dynamic ${n(r.emits, (x) => x.dynamic)}); in macro bodies ${n(r.emits, (x) => x.inMacro)}; via wrappers ${n(r.emits, (x) => x.via)}`,
    `  wrappers ${r.wrappers.map((w) => `${w.file}#${w.name}(${w.role})`).join(', ') || '-'}`,
    `  member wrappers ${r.memberWrappers.map((w) => `${w.file}:${w.line} .${w.member}(${w.role})`).join(', ') || '-'}`,
    `  rust parse errors ${r.rustParseErrors.length}, unresolved mod files ${r.missingModules.length}`,
    '  candidates:',
    ...r.candidates.map((c) => `    ${c.kind} ${c.file}:${c.line} ${c.detail}`),
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const corpusAt = args.indexOf('--corpus');
  const corpus = corpusAt >= 0 ? path.resolve(args[corpusAt + 1]) : CORPUS;
  const apps = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus');
  let differs = false;
  for (const app of apps) {
    const r = await count(app, corpus);
    if (args.includes('--check')) {
      const recorded = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/corpus', app, 'expected.json'), 'utf8')).counter;
      const now = figures(r);
      const diff = Object.keys(now).filter((k) => now[k] !== recorded?.[k]);
      differs ||= diff.length > 0;
      console.log(`${app}: ${diff.length ? diff.map((k) => `${k} now ${now[k]}, recorded ${recorded?.[k]}`).join('; ') : 'as recorded'}`);
    } else console.log(args.includes('--json') ? JSON.stringify(r, null, 1) : summary(r));
  }
  process.exitCode = differs ? 1 : 0;
}
