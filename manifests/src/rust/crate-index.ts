/**
 * Everything the Rust extractors resolve against, built once per run from the read files: which
 * crate and module each file is, the module tree with what each module declares and imports,
 * and the resolver over it. Files are sorted by path, so every lookup is deterministic.
 */
import type { ExtractContext } from '../model.js';
import { CrateFinder, type Crate } from './crates.js';
import { rustFiles, type ReadFile } from './files.js';
import type { FnItem } from './items.js';
import { layoutModules, type MissingModule } from './layout.js';
import { Namespaces, type ConstDecl, type TypeDecl } from './namespace.js';
import { Resolver } from './resolve-path.js';

export interface RustFile extends ReadFile {
  crate: Crate;
  /** The file's module path from its crate root. */
  module: string[];
}

export interface CrateIndex {
  files: RustFile[];
  ns: Namespaces;
  resolver: Resolver;
  /** Every type and constant by name, for the lenient fallbacks of schema building. */
  types: Map<string, TypeDecl[]>;
  consts: Map<string, ConstDecl[]>;
  /** Associated consts of `impl` blocks by name (no module declares them; `Type::NAME` reaches them). */
  assocConsts: Map<string, ConstDecl[]>;
  /** `mod x;` declarations whose file is not among the sources. */
  missing: MissingModule[];
  /** More than one crate in the sources: item paths start with the crate's name. */
  multiCrate: boolean;
  /** The last segment of every generate_handler! entry: evidence that a function is a command. */
  registeredNames: Set<string>;
}

const byContext = new WeakMap<ExtractContext, Promise<CrateIndex>>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The path a function is known by: `commands::agent::send`, led by the crate's name in a workspace. */
export function itemPath(index: CrateIndex, fn: FnItem): string {
  const crate = fn.scope.mod && index.multiCrate ? [fn.scope.mod.crate.name] : [];
  return [...crate, ...fn.scope.segments, fn.name].join('::');
}

async function build(ctx: ExtractContext): Promise<CrateIndex> {
  const read = await rustFiles(ctx);
  const finder = new CrateFinder(ctx.root);
  const laid = read.map((f) => ({ rel: f.source.rel, crate: finder.crateOf(f.source.rel), ...(f.data ? { data: f.data } : {}) }));
  const { modules, missing } = layoutModules(laid, finder);
  const ns = new Namespaces();
  const index: Omit<CrateIndex, 'resolver'> = { files: [], ns, types: new Map(), consts: new Map(), assocConsts: new Map(), missing, multiCrate: new Set(laid.map((l) => l.crate)).size > 1, registeredNames: new Set() };
  read.forEach((f, i) => {
    const crate = laid[i]!.crate;
    const module = modules.get(f.source.rel) ?? [];
    index.files.push({ ...f, crate, module });
    if (!f.data) {
      ns.node(crate, module).opaque.push(`its file ${f.source.rel}, which was not read (${f.skipped ?? 'unknown reason'})`);
      return;
    }
    for (const scope of f.data.scopes) ns.attach(crate, scope, [...module, ...scope.local]);
    for (const fn of f.data.functions) ns.addFn(fn);
    for (const t of f.data.types) {
      const decl: TypeDecl = { kind: t.kind, name: t.name, scope: t.scope, generics: t.generics, line: t.line, file: i, range: t.range, ...(t.tag !== undefined ? { tag: t.tag } : {}), ...(t.serializes ? { serializes: t.serializes } : {}) };
      ns.addType(decl);
      push(index.types, decl.name, decl);
    }
    for (const c of f.data.consts) {
      if (c.owner) {
        if (c.owner.length) push(index.assocConsts, c.name, c);
        continue;
      }
      ns.addConst(c);
      push(index.consts, c.name, c);
    }
    for (const o of f.data.opaque) o.scope.mod?.opaque.push(o.what);
    for (const r of f.data.registrations) for (const e of r.entries) if (e.segments) index.registeredNames.add(e.segments[e.segments.length - 1]!);
    for (const d of f.data.modDecls) if (d.scope.mod) ns.node(crate, [...d.scope.segments, d.name]);
  });
  for (const m of missing) {
    ns.node(m.crate, m.segments).opaque.push(`its file, which is not among the sources (${m.expected}; see manifests.rust.include)`);
  }
  // The resolver settles every import over the complete module tree, so it comes last.
  return { ...index, resolver: new Resolver(ns) };
}

/** The crate index of a context. */
export function crateIndex(ctx: ExtractContext): Promise<CrateIndex> {
  let index = byContext.get(ctx);
  if (!index) {
    index = build(ctx);
    byContext.set(ctx, index);
  }
  return index;
}
