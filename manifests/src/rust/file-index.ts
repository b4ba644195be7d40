/**
 * One walk over a parsed file that picks out everything the Rust extractors look at: functions
 * with their attributes, calls, macro invocations, type and const declarations, and the module
 * scope (file module plus inline `mod x { … }`) each sits in. Four extractors read the same
 * file, so the walk happens once and its result is cached with the tree.
 */
import type { Node, TreeCursor } from 'web-tree-sitter';
import { cfgPredicates, readAttributes } from './attributes.js';
import { readImports, type Imports } from './imports.js';
import { unraw } from './nodes.js';

export interface ModuleScope {
  /** Module path segments from the crate root. */
  segments: string[];
  parent?: ModuleScope;
  /** `use` declarations of this module (including those inside its function bodies). */
  uses: Node[];
  /** `#[cfg(…)]` predicates on this inline module and the ones around it. */
  cfgs: string[];
  imports?: Imports;
}

export interface FnItem {
  node: Node;
  name: string;
  scope: ModuleScope;
  /** The `attribute_item` nodes right before it. */
  attrs: Node[];
  /** Inside an `impl` or `trait` block: a method, never a command. */
  inImpl: boolean;
}

export interface Site {
  node: Node;
  scope: ModuleScope;
  /** The innermost function around it. */
  fn?: FnItem;
}

export interface DeclItem {
  node: Node;
  name: string;
  scope: ModuleScope;
  attrs: Node[];
}

export interface FileIndex {
  root: ModuleScope;
  functions: FnItem[];
  calls: Site[];
  macros: Site[];
  /** `struct`, `enum` and `type` items. */
  types: DeclItem[];
  /** `const` and `static` items. */
  consts: DeclItem[];
  /** Module paths declared by `mod x;` (their bodies live in other files, maybe not parsed). */
  modDecls: string[][];
}

export function importsOf(scope: ModuleScope): Imports {
  scope.imports ??= readImports(scope.uses);
  return scope.imports;
}

// Subtrees that cannot hold a call, macro or item of interest: not walked, which roughly halves
// the nodes visited.
const SKIP = new Set([
  'parameters', 'type_parameters', 'where_clause', 'type_arguments', 'generic_type', 'reference_type',
  'scoped_type_identifier', 'tuple_type', 'array_type', 'function_type', 'abstract_type', 'dynamic_type',
  'visibility_modifier', 'function_modifiers', 'string_literal', 'raw_string_literal', 'char_literal',
  'integer_literal', 'float_literal', 'token_tree', 'line_comment', 'block_comment', 'identifier',
  'field_identifier', 'type_identifier', 'primitive_type', 'extern_crate_declaration',
]);

interface WalkState {
  scope: ModuleScope;
  fn: FnItem | undefined;
  inImpl: boolean;
}

function walkChildren(c: TreeCursor, st: WalkState, out: FileIndex): void {
  if (!c.gotoFirstChild()) return;
  let attrs: Node[] = [];
  do {
    const type = c.nodeType;
    if (type === 'attribute_item') {
      attrs.push(c.currentNode);
      continue;
    }
    if (type === 'line_comment' || type === 'block_comment') continue;
    visit(c, type, attrs, st, out);
    attrs = [];
  } while (c.gotoNextSibling());
  c.gotoParent();
}

function visit(c: TreeCursor, type: string, attrs: Node[], st: WalkState, out: FileIndex): void {
  switch (type) {
    case 'function_item':
    case 'function_signature_item': {
      const node = c.currentNode;
      const name = node.childForFieldName('name');
      const fn: FnItem = { node, name: unraw(name?.text ?? ''), scope: st.scope, attrs, inImpl: st.inImpl };
      out.functions.push(fn);
      walkChildren(c, { ...st, fn }, out);
      return;
    }
    case 'mod_item': {
      const node = c.currentNode;
      const body = node.childForFieldName('body');
      const name = unraw(node.childForFieldName('name')?.text ?? '');
      if (!body) {
        out.modDecls.push([...st.scope.segments, name]);
        return;
      }
      const scope: ModuleScope = {
        segments: [...st.scope.segments, name],
        parent: st.scope,
        uses: [],
        cfgs: [...st.scope.cfgs, ...cfgPredicates(readAttributes(attrs))],
      };
      walkChildren(c, { scope, fn: undefined, inImpl: false }, out);
      return;
    }
    case 'impl_item':
    case 'trait_item':
      walkChildren(c, { ...st, inImpl: true }, out);
      return;
    case 'struct_item':
    case 'enum_item':
    case 'union_item':
    case 'type_item':
    case 'const_item':
    case 'static_item': {
      const node = c.currentNode;
      const name = unraw(node.childForFieldName('name')?.text ?? '');
      const list = type === 'const_item' || type === 'static_item' ? out.consts : out.types;
      list.push({ node, name, scope: st.scope, attrs });
      return;
    }
    case 'use_declaration':
      st.scope.uses.push(c.currentNode);
      return;
    case 'inner_attribute_item':
      // `#![cfg(…)]` at the top of a module gates everything in it.
      if (!st.fn) st.scope.cfgs.push(...cfgPredicates(readAttributes([c.currentNode])));
      return;
    case 'macro_invocation':
      out.macros.push({ node: c.currentNode, scope: st.scope, ...(st.fn ? { fn: st.fn } : {}) });
      return;
    case 'call_expression':
      out.calls.push({ node: c.currentNode, scope: st.scope, ...(st.fn ? { fn: st.fn } : {}) });
      walkChildren(c, st, out);
      return;
    default:
      if (!SKIP.has(type)) walkChildren(c, st, out);
  }
}

/** Indexes the statements of a block parsed out of a macro body, as if written at `site`. */
export function indexBlock(block: Node, site: Site, out: FileIndex): void {
  const cursor = block.walk();
  try {
    walkChildren(cursor, { scope: site.scope, fn: site.fn, inImpl: site.fn?.inImpl ?? false }, out);
  } finally {
    cursor.delete();
  }
}

export function indexFile(root: Node, moduleSegments: string[]): FileIndex {
  const scope: ModuleScope = { segments: moduleSegments, uses: [], cfgs: [] };
  const out: FileIndex = { root: scope, functions: [], calls: [], macros: [], types: [], consts: [], modDecls: [] };
  const cursor = root.walk();
  try {
    walkChildren(cursor, { scope, fn: undefined, inImpl: false }, out);
  } finally {
    cursor.delete();
  }
  return out;
}
