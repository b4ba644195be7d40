/**
 * What `use` declarations bring into a module: local name → full path, plus glob imports.
 * Used to tell `#[command]` (imported from tauri) from another crate's `command`, and to find
 * which crate type a bare type name refers to.
 */
import type { Node } from 'web-tree-sitter';
import { namedKids, pathSegments, unraw } from './nodes.js';

export interface Imports {
  names: Map<string, string[]>;
  globs: string[][];
}

function collect(node: Node, prefix: string[], out: Imports): void {
  switch (node.type) {
    case 'identifier':
    case 'scoped_identifier':
    case 'crate':
    case 'super': {
      const full = [...prefix, ...pathSegments(node)];
      const last = full[full.length - 1];
      if (last) out.names.set(last, full);
      return;
    }
    case 'self': {
      // `use a::b::{self}` imports `b`.
      const last = prefix[prefix.length - 1];
      if (last) out.names.set(last, [...prefix]);
      return;
    }
    case 'use_as_clause': {
      const path = node.childForFieldName('path');
      const alias = node.childForFieldName('alias');
      if (!path || !alias) return;
      const segs = path.type === 'self' ? [...prefix] : [...prefix, ...pathSegments(path)];
      if (alias.text !== '_') out.names.set(unraw(alias.text), segs);
      return;
    }
    case 'use_wildcard': {
      const path = namedKids(node)[0];
      out.globs.push(path ? [...prefix, ...pathSegments(path)] : [...prefix]);
      return;
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path');
      const list = node.childForFieldName('list');
      const next = path ? [...prefix, ...pathSegments(path)] : prefix;
      if (list) collect(list, next, out);
      return;
    }
    case 'use_list':
      for (const c of namedKids(node)) collect(c, prefix, out);
      return;
    default:
      return;
  }
}

export function readImports(useDeclarations: readonly Node[]): Imports {
  const out: Imports = { names: new Map(), globs: [] };
  for (const decl of useDeclarations) {
    const arg = decl.childForFieldName('argument');
    if (arg) collect(arg, [], out);
  }
  return out;
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
