/**
 * What `use` declarations bring into a module: local name → full path, plus glob imports. Read
 * from the tree into `UseEntry` data; the resolver follows them (re-exports included), and
 * `tauriItem` tells `#[command]` imported from tauri from another crate's `command`.
 */
import type { Node } from 'web-tree-sitter';
import type { ModuleScope, UseEntry } from './items.js';
import { namedKids, pathSegments, unraw } from './nodes.js';

export interface Imports {
  names: Map<string, string[]>;
  globs: string[][];
}

function collect(node: Node, prefix: string[], inFn: boolean, out: UseEntry[]): void {
  switch (node.type) {
    case 'identifier':
    case 'scoped_identifier':
    case 'crate':
    case 'super': {
      const full = [...prefix, ...pathSegments(node)];
      const last = full[full.length - 1];
      if (last) out.push({ path: full, name: last, inFn });
      return;
    }
    case 'self': {
      // `use a::b::{self}` imports `b`.
      const last = prefix[prefix.length - 1];
      if (last) out.push({ path: [...prefix], name: last, inFn });
      return;
    }
    case 'use_as_clause': {
      const path = node.childForFieldName('path');
      const alias = node.childForFieldName('alias');
      if (!path || !alias) return;
      const segs = path.type === 'self' ? [...prefix] : [...prefix, ...pathSegments(path)];
      if (alias.text !== '_') out.push({ path: segs, name: unraw(alias.text), inFn });
      return;
    }
    case 'use_wildcard': {
      const path = namedKids(node)[0];
      out.push({ path: path ? [...prefix, ...pathSegments(path)] : [...prefix], name: '*', inFn });
      return;
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path');
      const list = node.childForFieldName('list');
      const next = path ? [...prefix, ...pathSegments(path)] : prefix;
      if (list) collect(list, next, inFn, out);
      return;
    }
    case 'use_list':
      for (const c of namedKids(node)) collect(c, prefix, inFn, out);
      return;
    default:
      return;
  }
}

/** The entries of one `use` declaration. */
export function readUse(decl: Node, inFn: boolean): UseEntry[] {
  const out: UseEntry[] = [];
  const arg = decl.childForFieldName('argument');
  if (arg) collect(arg, [], inFn, out);
  return out;
}

const byScope = new WeakMap<ModuleScope, Imports>();

/** Every import visible in a scope's module, those inside function bodies included. */
export function importsOf(scope: ModuleScope): Imports {
  let imports = byScope.get(scope);
  if (!imports) {
    imports = { names: new Map(), globs: [] };
    for (const u of scope.uses) {
      if (u.name === '*') imports.globs.push(u.path);
      else imports.names.set(u.name, u.path);
    }
    byScope.set(scope, imports);
  }
  return imports;
}

/**
 * The `tauri` item a local name stands for: `command` after `use tauri::command`,
 * `use tauri::{command, …}`, `use tauri::command as cmd` (for `cmd`) or `use tauri::*`.
 */
export function tauriItem(imports: Imports, local: string): string | undefined {
  const full = imports.names.get(local);
  if (full) return full[0] === 'tauri' && full.length >= 2 ? full[full.length - 1] : undefined;
  return imports.globs.some((g) => g.length === 1 && g[0] === 'tauri') ? local : undefined;
}
