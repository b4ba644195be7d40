/** Small syntax-tree helpers shared by the Rust extractors. */
import type { Node } from 'web-tree-sitter';
import type { Loc } from '../model.js';

/** 1-based line of a node, the form every fact and finding carries. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

export function locOf(file: string, node: Node): Loc {
  return { file, line: lineOf(node), column: node.startPosition.column + 1 };
}

export function kids(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}

export function namedKids(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/** `r#type` → `type`: raw identifiers name the same thing (serde and Tauri both strip `r#`). */
export function unraw(name: string): string {
  return name.startsWith('r#') ? name.slice(2) : name;
}

/** Source text on one line, for messages and `typeText`. */
export function flatText(node: Node): string {
  const text = node.text;
  if (!/[\s,]/.test(text)) return text;
  return text.replace(/\s+/g, ' ').replace(/\s*(::|<|>)\s*/g, '$1').replace(/,(?=\S)/g, ', ').trim();
}

/** Path segments of `a::b::C`, `crate::x`, `::std::y` (no generics). */
export function pathSegments(node: Node): string[] {
  let text = node.text;
  if (/\s/.test(text)) text = text.replace(/\s+/g, '');
  const segments = text.split('::');
  if (segments[0] === '') segments.shift();
  return text.includes('r#') ? segments.map(unraw) : segments;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' };

function unescape(seq: string): string {
  const c = seq[1] ?? '';
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return simple;
  if (c === 'x') return String.fromCharCode(parseInt(seq.slice(2), 16));
  if (c === 'u') return String.fromCodePoint(parseInt(seq.slice(3, -1), 16));
  // A backslash before a newline continues the string on the next line.
  return '';
}

/** The value of a `"…"` or `r#"…"#` literal; undefined for anything else. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'raw_string_literal') {
    return node.namedChildren.find((c) => c?.type === 'string_content')?.text ?? '';
  }
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  let afterContinuation = false;
  for (const c of kids(node)) {
    if (c.type === 'string_content') {
      out += afterContinuation ? c.text.replace(/^\s+/, '') : c.text;
      afterContinuation = false;
    } else if (c.type === 'escape_sequence') {
      afterContinuation = c.text[1] === '\n' || c.text[1] === '\r';
      out += unescape(c.text);
    }
  }
  return out;
}

export function isStringLiteral(node: Node): boolean {
  return node.type === 'string_literal' || node.type === 'raw_string_literal';
}

/** Peels `&x`, `&mut x`, `(x)`, `x?` and `x.await`, which do not change what a value names. */
export function peel(node: Node): Node {
  let n = node;
  for (;;) {
    if (n.type === 'reference_expression' || n.type === 'parenthesized_expression' || n.type === 'try_expression' || n.type === 'await_expression') {
      const inner = n.namedChildren.find((c) => c !== null && c.type !== 'mutable_specifier');
      if (!inner) return n;
      n = inner;
    } else {
      return n;
    }
  }
}

/** Argument expressions of a call's `arguments` node, comments and attributes left out. */
export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return namedKids(args).filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment' && c.type !== 'attribute_item');
}

/** The macro name of a `macro_invocation`: `json`, `serde_json::json`, `format`. */
export function macroName(node: Node): string {
  const m = node.childForFieldName('macro');
  return m ? pathSegments(m).join('::') : '';
}

/** The last segment of a macro name, so `serde_json::json!` and `json!` compare equal. */
export function macroBase(node: Node): string {
  const name = macroName(node);
  return name.slice(name.lastIndexOf(':') + 1);
}

/** The outer `( … )` / `[ … ]` / `{ … }` of a macro invocation. */
export function macroTokens(node: Node): Node | undefined {
  return node.namedChildren.find((c): c is Node => c?.type === 'token_tree');
}

/** Tokens inside a token tree, delimiters left out; nested groups stay single `token_tree` nodes. */
export function innerTokens(tree: Node): Node[] {
  const all = kids(tree);
  return all.slice(1, -1).filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment');
}

/** Splits tokens at top-level commas. */
export function splitTopLevel(tokens: readonly Node[], separator = ','): Node[][] {
  const groups: Node[][] = [[]];
  for (const t of tokens) {
    if (t.type === separator) groups.push([]);
    else groups[groups.length - 1]!.push(t);
  }
  return groups.filter((g) => g.length > 0);
}

