/**
 * One pass over a parsed file that picks out everything the Rust extractors look at: functions
 * with their attributes, macro invocations, `use` declarations, type and const items, the module
 * scope (file module plus inline `mod x { … }`) each sits in, and the calls that may be an emit
 * or a forward. Items are walked with a cursor; function bodies, the bulk of every file, are
 * searched by the parser's own C code (`descendantsOfType`), and calls are looked up only where
 * the text names a call of interest (call-sites.ts), so most nodes are never touched from JavaScript. Regions
 * the grammar could not read (ERROR nodes) are left out: what they hold is reported, not guessed.
 * The nodes here live only while the file's tree does; `file-facts.ts` turns them into data.
 */
import type { Node, TreeCursor } from 'web-tree-sitter';
import { cfgPredicates, readAttributes } from './attributes.js';
import type { FnItem, ModuleScope } from './items.js';
import { indexCalls, indexLiteralCalls, unreadable } from './call-sites.js';
import { locOf, stringValue, unraw } from './nodes.js';
import { typeRef } from './types.js';

export interface FnNode {
  node: Node;
  attrs: Node[];
  item: FnItem;
  /** Where its text ends, to tell which function a call sits in. */
  end: number;
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
  /** An associated item: the `impl` type's path as written (`[]` in a trait), not a module's name. */
  owner?: string[];
}

export interface FileIndex {
  rel: string;
  text: string;
  /** Names of the calls worth a look (emitting methods, configured forward calls). */
  callNames: RegExp;
  /** Ranges the grammar could not read: nothing inside them is indexed. */
  unreadable: Array<[number, number]>;
  root: ModuleScope;
  scopes: ModuleScope[];
  functions: FnNode[];
  calls: Site[];
  /** Calls in functions with a string literal first or second argument: maybe of a forward helper. */
  literalCalls: Site[];
  macros: Site[];
  /** `struct`, `enum`, `union` and `type` items. */
  types: DeclNode[];
  /** `const` and `static` items. */
  consts: DeclNode[];
  /** `mod x;` (the body is another file). */
  modDecls: DeclNode[];
  uses: Array<{ node: Node; scope: ModuleScope; inFn: boolean }>;
}

interface WalkState {
  scope: ModuleScope;
  fn: FnNode | undefined;
  inImpl: boolean;
  /** Inside `impl T` or `impl Trait for T`: the path of T as written (what `Self` means). */
  selfType?: string[];
}

/** The walk state inside an `impl` or `trait` block. */
function implState(node: Node, st: WalkState): WalkState {
  const type = node.type === 'impl_item' ? node.childForFieldName('type') : null;
  const ref = type ? typeRef(type) : undefined;
  const inner: WalkState = { scope: st.scope, fn: st.fn, inImpl: true };
  if (ref?.kind === 'path' && ref.segments.length) inner.selfType = ref.segments;
  return inner;
}

/** `#[path = "x.rs"]` among the attributes. */
export function pathAttribute(attrs: readonly Node[]): string | undefined {
  for (const a of readAttributes(attrs)) {
    const value = a.path === 'path' && a.value ? stringValue(a.value) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}


function addFunction(node: Node, attrs: Node[], st: WalkState, out: FileIndex): FnNode {
  const nameNode = node.childForFieldName('name');
  const item: FnItem = {
    name: unraw(nameNode?.text ?? ''),
    scope: st.scope,
    inImpl: st.inImpl,
    loc: locOf(out.rel, nameNode ?? node),
    cfgs: attrs.length ? cfgPredicates(readAttributes(attrs)) : [],
    ...(st.inImpl && st.selfType ? { selfType: st.selfType } : {}),
  };
  const fn: FnNode = { node, attrs, item, end: node.endIndex };
  out.functions.push(fn);
  return fn;
}

function addDecl(node: Node, type: string, attrs: Node[], st: WalkState, out: FileIndex): void {
  const name = unraw(node.childForFieldName('name')?.text ?? '');
  if (type === 'const_item' || type === 'static_item') out.consts.push({ node, name, scope: st.scope, attrs, ...(st.inImpl ? { owner: st.selfType ?? [] } : {}) });
  else out.types.push({ node, name, scope: st.scope, attrs });
}

/** The `#[…]` attributes written right before an item found by search (not by the cursor walk). */
function precedingAttributes(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.previousNamedSibling; p; p = p.previousNamedSibling) {
    if (p.type === 'attribute_item') out.unshift(p);
    else if (p.type !== 'line_comment' && p.type !== 'block_comment') break;
  }
  return out;
}

const IN_BODIES = ['function_item', 'impl_item', 'trait_item', 'macro_invocation', 'use_declaration', 'const_item', 'static_item', 'struct_item', 'enum_item', 'union_item', 'type_item'];

/**
 * What a function body (or a macro body read as a block) holds, found in one search by the
 * parser: macros, imports, items declared inside it, and nested functions, which the sites
 * after them belong to until they end.
 */
function indexBody(body: Node, outer: WalkState, out: FileIndex): void {
  const stack: Array<{ end: number; st: WalkState }> = [];
  for (const node of body.descendantsOfType(IN_BODIES)) {
    if (!node || unreadable(out, node.startIndex)) continue;
    while (stack.length && node.startIndex >= stack[stack.length - 1]!.end) stack.pop();
    const st = stack[stack.length - 1]?.st ?? outer;
    const type = node.type;
    switch (type) {
      case 'function_item': {
        const fn = addFunction(node, precedingAttributes(node), st, out);
        stack.push({ end: fn.end, st: { ...st, fn } });
        break;
      }
      case 'impl_item':
      case 'trait_item':
        stack.push({ end: node.endIndex, st: implState(node, st) });
        break;
      case 'macro_invocation':
        out.macros.push({ node, scope: st.scope, ...(st.fn ? { fn: st.fn } : {}) });
        break;
      case 'use_declaration':
        out.uses.push({ node, scope: st.scope, inFn: true });
        break;
      default:
        addDecl(node, type, precedingAttributes(node), st, out);
    }
  }
}

function walkItems(c: TreeCursor, st: WalkState, out: FileIndex): void {
  if (!c.gotoFirstChild()) return;
  let attrs: Node[] = [];
  do {
    const type = c.nodeType;
    if (type === 'attribute_item') {
      attrs.push(c.currentNode);
      continue;
    }
    if (type === 'line_comment' || type === 'block_comment') continue;
    visitItem(c, type, attrs, st, out);
    attrs = [];
  } while (c.gotoNextSibling());
  c.gotoParent();
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
  if (c.gotoFirstChild()) {
    do if (c.nodeType === 'declaration_list') walkItems(c, { scope, fn: undefined, inImpl: false }, out);
    while (c.gotoNextSibling());
    c.gotoParent();
  }
}

/** Items (and the bodies of functions among them) of a module, an impl or a trait. */
function visitItem(c: TreeCursor, type: string, attrs: Node[], st: WalkState, out: FileIndex): void {
  switch (type) {
    case 'function_item':
    case 'function_signature_item': {
      const node = c.currentNode;
      const fn = addFunction(node, attrs, st, out);
      const body = node.childForFieldName('body');
      if (body) indexBody(body, { ...st, fn }, out);
      return;
    }
    case 'mod_item':
      visitModule(c, attrs, st, out);
      return;
    case 'impl_item':
    case 'trait_item':
      const inner = implState(c.currentNode, st);
      if (c.gotoFirstChild()) {
        do if (c.nodeType === 'declaration_list') walkItems(c, inner, out);
        while (c.gotoNextSibling());
        c.gotoParent();
      }
      return;
    case 'struct_item':
    case 'enum_item':
    case 'union_item':
    case 'type_item':
    case 'const_item':
    case 'static_item':
      addDecl(c.currentNode, type, attrs, st, out);
      return;
    case 'use_declaration':
      out.uses.push({ node: c.currentNode, scope: st.scope, inFn: false });
      return;
    case 'inner_attribute_item':
      // `#![cfg(…)]` at the top of a module gates everything in it.
      st.scope.cfgs.push(...cfgPredicates(readAttributes([c.currentNode])));
      return;
    case 'macro_invocation':
      out.macros.push({ node: c.currentNode, scope: st.scope });
      return;
    case 'expression_statement': {
      // `m! { … }` at item level can parse as a statement holding the macro.
      const inner = c.currentNode.namedChildren[0];
      if (inner?.type === 'macro_invocation') out.macros.push({ node: inner, scope: st.scope });
      return;
    }
    default:
      return;
  }
}

/** Indexes the statements of a block parsed out of a macro body, as if written at `site`. */
export function indexBlock(block: Node, site: Site, out: FileIndex): void {
  indexBody(block, { scope: site.scope, fn: site.fn, inImpl: site.fn?.item.inImpl ?? false }, out);
  indexCalls(block, block.startIndex, block.endIndex, out, site);
}

export function indexFile(root: Node, rel: string, text: string, callNames: RegExp, unreadableRanges: Array<[number, number]>): FileIndex {
  const scope: ModuleScope = { file: rel, local: [], uses: [], cfgs: [], segments: [] };
  const out: FileIndex = { rel, text, callNames, unreadable: unreadableRanges, root: scope, scopes: [scope], functions: [], calls: [], literalCalls: [], macros: [], types: [], consts: [], modDecls: [], uses: [] };
  const cursor = root.walk();
  try {
    walkItems(cursor, { scope, fn: undefined, inImpl: false }, out);
  } finally {
    cursor.delete();
  }
  indexCalls(root, 0, text.length, out);
  indexLiteralCalls(root, out);
  return out;
}
