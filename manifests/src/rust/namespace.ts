/**
 * The module tree of every crate in the sources, with what each module declares and imports:
 * what path resolution walks. A module may be written in several places (a file, inline
 * `mod x { … }` blocks, per-cfg variants); all of them feed one node. A module with content
 * nobody can read statically (an unexpanded macro, an unreadable region, a file outside the
 * sources) records why, so a name not found there is "cannot tell", never "does not exist".
 */
import type { Crate } from './crates.js';
import type { FnItem, ModuleScope, UseEntry } from './items.js';

export interface TypeDecl {
  kind: 'struct' | 'enum' | 'alias';
  name: string;
  scope: ModuleScope;
  generics: string[];
  line: number;
  /** An enum's `#[serde(tag = "…")]`, read only in the control plane's files. */
  tag?: string;
  /** A struct deriving Serialize, read only in the control plane's files. */
  serializes?: true;
  /** Index into the run's file list and the item's range, to read its body again on demand. */
  file: number;
  range: { startIndex: number; endIndex: number; startPosition: { row: number; column: number }; endPosition: { row: number; column: number } };
}

export interface ConstDecl {
  name: string;
  scope: ModuleScope;
  /** An associated const (`impl Events { const SAVED … }`): the `impl` type's path as written there. */
  owner?: string[];
  value?: string;
}

export interface ModNode {
  crate: Crate;
  segments: string[];
  parent?: ModNode;
  children: Map<string, ModNode>;
  fns: Map<string, FnItem[]>;
  types: Map<string, TypeDecl[]>;
  consts: Map<string, ConstDecl[]>;
  uses: Array<{ entry: UseEntry; scope: ModuleScope }>;
  /** Why names may exist here that were not seen. */
  opaque: string[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Namespaces {
  readonly roots = new Map<Crate, ModNode>();
  private readonly byName = new Map<string, ModNode>();

  root(crate: Crate): ModNode {
    let node = this.roots.get(crate);
    if (!node) {
      node = { crate, segments: [], children: new Map(), fns: new Map(), types: new Map(), consts: new Map(), uses: [], opaque: [] };
      this.roots.set(crate, node);
      if (!this.byName.has(crate.name)) this.byName.set(crate.name, node);
    }
    return node;
  }

  /** The root module of a crate of the sources, by the name other crates use for it. */
  crateNamed(name: string): ModNode | undefined {
    return this.byName.get(name);
  }

  node(crate: Crate, segments: readonly string[]): ModNode {
    let node = this.root(crate);
    for (const s of segments) {
      let child = node.children.get(s);
      if (!child) {
        child = { crate, segments: [...node.segments, s], parent: node, children: new Map(), fns: new Map(), types: new Map(), consts: new Map(), uses: [], opaque: [] };
        node.children.set(s, child);
      }
      node = child;
    }
    return node;
  }

  /** Places a scope (and so everything declared in it) in its module. */
  attach(crate: Crate, scope: ModuleScope, segments: readonly string[]): ModNode {
    const node = this.node(crate, segments);
    scope.segments = [...segments];
    scope.mod = node;
    for (const entry of scope.uses) node.uses.push({ entry, scope });
    return node;
  }

  addFn(fn: FnItem): void {
    if (!fn.inImpl && fn.scope.mod) push(fn.scope.mod.fns, fn.name, fn);
  }

  addType(decl: TypeDecl): void {
    if (decl.scope.mod) push(decl.scope.mod.types, decl.name, decl);
  }

  addConst(decl: ConstDecl): void {
    if (decl.scope.mod) push(decl.scope.mod.consts, decl.name, decl);
  }
}
