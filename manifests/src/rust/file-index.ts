/**
 * One walk over a parsed file that picks out everything the Rust extractors look at: functions
 * with their attributes, calls, macro invocations, `use` declarations, type and const items, and
 * the module scope (file module plus inline `mod x { … }`) each sits in. Regions the grammar
 * could not read (ERROR nodes) are not walked: what they hold is reported, not guessed.
 * The nodes here live only while the file's tree does; `file-facts.ts` turns them into data.
 */
import type { Node, TreeCursor } from 'web-tree-sitter';
import { cfgPredicates, readAttributes } from './attributes.js';
import type { FnItem, ModuleScope } from './items.js';
import { locOf, stringValue, unraw } from './nodes.js';

export interface FnNode {
  node: Node;
  attrs: Node[];
  item: FnItem;
}

export interface Site {
  node: Node;
  scope: ModuleScope;
  /** The innermost function around it. */
  fn?: FnNode;
  /** For a macro whose body was read as code. */
  expanded?: boolean;
}

export interface DeclNode {
  node: Node;
  name: string;
  scope: ModuleScope;
  attrs: Node[];
}

export interface FileIndex {
  rel: string;
  root: ModuleScope;
  scopes: ModuleScope[];
  functions: FnNode[];
  calls: Site[];
  macros: Site[];
  /** `struct`, `enum`, `union` and `type` items. */
  types: DeclNode[];
  /** `const` and `static` items. */
  consts: DeclNode[];
  /** `mod x;` (the body is another file). */
  modDecls: DeclNode[];
  uses: Array<{ node: Node; scope: ModuleScope; inFn: boolean }>;
}

// Subtrees that cannot hold a call, macro or item of interest: not walked, which roughly halves
// the nodes visited. ERROR subtrees are reported instead (see recovery.ts).
const SKIP = new Set([
  'parameters', 'type_parameters', 'where_clause', 'type_arguments', 'generic_type', 'reference_type',
  'scoped_type_identifier', 'tuple_type', 'array_type', 'function_type', 'abstract_type', 'dynamic_type',
  'visibility_modifier', 'function_modifiers', 'string_literal', 'raw_string_literal', 'char_literal',
  'integer_literal', 'float_literal', 'token_tree', 'line_comment', 'block_comment', 'identifier',
  'field_identifier', 'type_identifier', 'primitive_type', 'extern_crate_declaration', 'ERROR',
]);

interface WalkState {
  scope: ModuleScope;
  fn: FnNode | undefined;
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

/** `#[path = "x.rs"]` among the attributes. */
export function pathAttribute(attrs: readonly Node[]): string | undefined {
  for (const a of readAttributes(attrs)) {
    const value = a.path === 'path' && a.value ? stringValue(a.value) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

function visitFunction(c: TreeCursor, attrs: Node[], st: WalkState, out: FileIndex): void {
  const node = c.currentNode;
  const nameNode = node.childForFieldName('name');
  const item: FnItem = {
    name: unraw(nameNode?.text ?? ''),
    scope: st.scope,
    inImpl: st.inImpl,
    loc: locOf(out.rel, nameNode ?? node),
    cfgs: attrs.length ? cfgPredicates(readAttributes(attrs)) : [],
  };
  const fn: FnNode = { node, attrs, item };
  out.functions.push(fn);
  walkChildren(c, { ...st, fn }, out);
}

function visitModule(c: TreeCursor, attrs: Node[], st: WalkState, out: FileIndex): void {
  const node = c.currentNode;
  const body = node.childForFieldName('body');
  const name = unraw(node.childForFieldName('name')?.text ?? '');
  if (!body) {
    out.modDecls.push({ node, name, scope: st.scope, attrs });
    return;
  }
  const pathAttr = pathAttribute(attrs);
  const scope: ModuleScope = {
    file: out.rel,
    local: [...st.scope.local, name],
    parent: st.scope,
    uses: [],
    cfgs: cfgPredicates(readAttributes(attrs)),
    ...(pathAttr !== undefined ? { pathAttr } : {}),
    segments: [],
  };
  out.scopes.push(scope);
  walkChildren(c, { scope, fn: undefined, inImpl: false }, out);
}

function visit(c: TreeCursor, type: string, attrs: Node[], st: WalkState, out: FileIndex): void {
  switch (type) {
    case 'function_item':
    case 'function_signature_item':
      visitFunction(c, attrs, st, out);
      return;
    case 'mod_item':
      visitModule(c, attrs, st, out);
      return;
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
      out.uses.push({ node: c.currentNode, scope: st.scope, inFn: st.fn !== undefined });
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
    walkChildren(cursor, { scope: site.scope, fn: site.fn, inImpl: site.fn?.item.inImpl ?? false }, out);
  } finally {
    cursor.delete();
  }
}

export function indexFile(root: Node, rel: string): FileIndex {
  const scope: ModuleScope = { file: rel, local: [], uses: [], cfgs: [], segments: [] };
  const out: FileIndex = { rel, root: scope, scopes: [scope], functions: [], calls: [], macros: [], types: [], consts: [], modDecls: [], uses: [] };
  const cursor = root.walk();
  try {
    walkChildren(cursor, { scope, fn: undefined, inImpl: false }, out);
  } finally {
    cursor.delete();
  }
  return out;
}
