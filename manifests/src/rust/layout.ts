/**
 * Which module each file is, the way rustc finds module files: from each crate root, `mod x;`
 * loads `x.rs` or `x/mod.rs` beside a mod-rs file (a root, a `mod.rs`, or a file loaded by
 * `#[path]`) and under `<stem>/` beside any other file; inline `mod m { mod x; }` adds `m/`;
 * `#[path = "…"]` names the file outright (relative to the declaring file's folder, or to the
 * inline module's). A file no `mod` declaration reaches (the globs took only part of the crate,
 * or a macro declares it) gets the module its place under `src/` implies.
 */
import path from 'node:path';
import type { Crate, CrateFinder } from './crates.js';
import type { FileData, ModDecl, ModuleScope } from './items.js';

export interface LaidOut {
  rel: string;
  crate: Crate;
  data?: FileData;
}

/** A `mod x;` whose file is not among the sources. */
export interface MissingModule {
  decl: ModDecl;
  crate: Crate;
  segments: string[];
  expected: string;
}

/** The cfg predicates of a scope and every module around it (the `mod x;` that loaded its file included). */
export function scopeCfgs(scope: ModuleScope): string[] {
  return scope.parent ? [...scopeCfgs(scope.parent), ...scope.cfgs] : scope.cfgs;
}

/** A file's module path from where it sits under its crate's `src/`: the convention rustc's defaults follow. */
export function conventionalModule(crate: Crate, rel: string): string[] {
  const under = (crate.dir ? rel.slice(crate.dir.length + 1) : rel).split('/');
  if (under[0] === 'src') under.shift();
  const last = under.pop();
  if (last === undefined) return [];
  const stem = last.replace(/\.rs$/, '');
  if (under.length === 0 && (stem === 'main' || stem === 'lib')) return [];
  if (stem === 'mod') return under;
  return [...under, stem];
}

interface Queued {
  file: LaidOut;
  segments: string[];
  /** Children are looked for in the file's own folder (else in `<stem>/`). */
  modRs: boolean;
}

function candidates(q: Queued, decl: ModDecl): { files: string[]; modRs: boolean[] } {
  const dir = path.posix.dirname(q.file.rel);
  const stem = path.posix.basename(q.file.rel, '.rs');
  const chain: ModuleScope[] = [];
  for (let s: ModuleScope | undefined = decl.scope; s?.parent; s = s.parent) chain.unshift(s);
  let base = q.modRs ? dir : `${dir}/${stem}`;
  for (const s of chain) base = `${base}/${s.pathAttr ?? s.local[s.local.length - 1]}`;
  const norm = (p: string): string => path.posix.normalize(p).replace(/^\.\//, '');
  if (decl.pathAttr !== undefined) return { files: [norm(chain.length ? `${base}/${decl.pathAttr}` : `${dir}/${decl.pathAttr}`)], modRs: [true] };
  return { files: [norm(`${base}/${decl.name}.rs`), norm(`${base}/${decl.name}/mod.rs`)], modRs: [false, true] };
}

export function layoutModules(files: readonly LaidOut[], finder: CrateFinder): { modules: Map<string, string[]>; missing: MissingModule[] } {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const modules = new Map<string, string[]>();
  const missing: MissingModule[] = [];
  const queue: Queued[] = [];
  const crates = new Set(files.map((f) => f.crate));
  for (const crate of crates) {
    for (const f of files) if (f.crate === crate && finder.isRoot(crate, f.rel) && !modules.has(f.rel)) {
      modules.set(f.rel, []);
      queue.push({ file: f, segments: [], modRs: true });
    }
  }
  while (queue.length) {
    const q = queue.shift()!;
    for (const decl of q.file.data?.modDecls ?? []) {
      const segments = [...q.segments, ...decl.scope.local, decl.name];
      const { files: paths, modRs } = candidates(q, decl);
      const i = paths.findIndex((p) => byRel.has(p));
      if (i < 0) {
        missing.push({ decl, crate: q.file.crate, segments, expected: paths.join(' or ') });
        continue;
      }
      const child = byRel.get(paths[i]!)!;
      if (modules.has(child.rel)) continue;
      modules.set(child.rel, segments);
      if (child.data) child.data.root.cfgs.unshift(...scopeCfgs(decl.scope), ...decl.cfgs);
      queue.push({ file: child, segments, modRs: modRs[i]! });
    }
  }
  for (const f of files) if (!modules.has(f.rel)) modules.set(f.rel, conventionalModule(f.crate, f.rel));
  return { modules, missing };
}
