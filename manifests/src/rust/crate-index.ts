/**
 * Everything declared across the crate's parsed files that names resolve against: structs, enums
 * and type aliases (for serde schemas) and `const`/`static` strings (for event names). Built once
 * per run from the cached file indexes and shared by the extractors.
 */
import type { Node } from 'web-tree-sitter';
import type { ExtractContext } from '../model.js';
import { readAttributes, type Attribute } from './attributes.js';
import { rustFiles, type RustFile } from './cache.js';
import type { DeclItem, ModuleScope } from './file-index.js';
import { namedKids, stringValue } from './nodes.js';

export interface TypeDecl {
  kind: 'struct' | 'enum' | 'alias';
  name: string;
  module: string[];
  node: Node;
  attrs: Attribute[];
  /** Generic type parameter names, in order. */
  generics: string[];
  scope: ModuleScope;
  file: RustFile;
}

export interface ConstDecl {
  name: string;
  module: string[];
  /** The string the constant holds; undefined when it is not a string literal. */
  value?: string;
  node: Node;
  file: RustFile;
}

export interface CrateIndex {
  files: RustFile[];
  types: Map<string, TypeDecl[]>;
  consts: Map<string, ConstDecl[]>;
  /** Every module path (joined with `::`) that exists in the crate. */
  modules: Set<string>;
}

const byContext = new WeakMap<ExtractContext, Promise<CrateIndex>>();

function genericsOf(node: Node): string[] {
  const params = node.childForFieldName('type_parameters');
  if (!params) return [];
  const out: string[] = [];
  for (const p of namedKids(params)) {
    if (p.type === 'type_parameter') {
      const name = p.childForFieldName('name');
      if (name) out.push(name.text);
    } else if (p.type === 'type_identifier') out.push(p.text);
  }
  return out;
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addScopes(scope: ModuleScope, modules: Set<string>): void {
  for (let s: ModuleScope | undefined = scope; s; s = s.parent) {
    for (let i = 0; i <= s.segments.length; i++) modules.add(s.segments.slice(0, i).join('::'));
  }
}

function typeDecl(item: DeclItem, file: RustFile): TypeDecl | undefined {
  const kind = item.node.type === 'struct_item' ? 'struct' : item.node.type === 'enum_item' ? 'enum' : item.node.type === 'type_item' ? 'alias' : undefined;
  if (!kind) return undefined;
  return {
    kind,
    name: item.name,
    module: item.scope.segments,
    node: item.node,
    attrs: readAttributes(item.attrs),
    generics: genericsOf(item.node),
    scope: item.scope,
    file,
  };
}

function constDecl(item: DeclItem, file: RustFile): ConstDecl {
  const valueNode = item.node.childForFieldName('value');
  const value = valueNode ? stringValue(valueNode) : undefined;
  return { name: item.name, module: item.scope.segments, ...(value !== undefined ? { value } : {}), node: item.node, file };
}

async function build(ctx: ExtractContext): Promise<CrateIndex> {
  const files = await rustFiles(ctx);
  const index: CrateIndex = { files, types: new Map(), consts: new Map(), modules: new Set(['']) };
  for (const file of files) {
    if (!file.index) continue;
    addScopes(file.index.root, index.modules);
    for (const item of file.index.types) {
      addScopes(item.scope, index.modules);
      const decl = typeDecl(item, file);
      if (decl) add(index.types, decl.name, decl);
    }
    for (const fn of file.index.functions) addScopes(fn.scope, index.modules);
    for (const decl of file.index.modDecls) index.modules.add(decl.join('::'));
    for (const item of file.index.consts) add(index.consts, item.name, constDecl(item, file));
  }
  return index;
}

/** The crate index of a context (files sorted by path, so every lookup is deterministic). */
export function crateIndex(ctx: ExtractContext): Promise<CrateIndex> {
  let index = byContext.get(ctx);
  if (!index) {
    index = build(ctx);
    byContext.set(ctx, index);
  }
  return index;
}
