/**
 * Outer attributes (`#[…]`) as data. Attribute arguments are a raw token tree in the grammar;
 * this reads the `name`, `name = "lit"` and `name(…)` shape every attribute we care about uses
 * (`serde`, `cfg`, `tauri::command`).
 */
import type { Node } from 'web-tree-sitter';
import { innerTokens, pathSegments, splitTopLevel, stringValue } from './nodes.js';

export interface Meta {
  /** `rename_all`, `serde::rename`, `default`. */
  path: string;
  /** The value after `=`: a string literal decoded, anything else as written. */
  value?: string;
  /** The items inside `name(…)`. */
  list?: Meta[];
}

export interface Attribute {
  node: Node;
  /** `tauri::command`, `serde`, `cfg`, `derive`. Leading `::` dropped. */
  path: string;
  /** The argument tokens `(…)` / `[…]`, when the attribute has them. */
  args?: Node;
  /** The value of `#[name = value]`. */
  value?: Node;
}

export function readAttribute(item: Node): Attribute | undefined {
  const attr = item.namedChildren.find((c): c is Node => c?.type === 'attribute');
  if (!attr) return undefined;
  const pathNode = attr.namedChildren[0];
  if (!pathNode) return undefined;
  const args = attr.childForFieldName('arguments') ?? undefined;
  const value = attr.childForFieldName('value') ?? undefined;
  return { node: item, path: pathSegments(pathNode).join('::'), ...(args ? { args } : {}), ...(value ? { value } : {}) };
}

export function readAttributes(items: readonly Node[]): Attribute[] {
  return items.map(readAttribute).filter((a): a is Attribute => a !== undefined);
}

function metaOf(tokens: readonly Node[]): Meta | undefined {
  let i = 0;
  let path = '';
  // Paths are identifiers (or keywords such as `crate`) joined by `::`.
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.type === 'token_tree' || t.type === '=' || isLiteral(t)) break;
    path += t.text;
    i++;
  }
  if (!path) return undefined;
  const next = tokens[i];
  if (!next) return { path };
  if (next.type === 'token_tree') return { path, list: metaList(next) };
  if (next.type === '=') {
    const rest = tokens.slice(i + 1);
    const first = rest[0];
    if (!first) return { path };
    const value = rest.length === 1 ? (stringValue(first) ?? first.text) : rest.map((t) => t.text).join('');
    return { path, value };
  }
  return { path };
}

function isLiteral(t: Node): boolean {
  return t.type.endsWith('_literal');
}

/** The comma-separated items of a `(…)` token tree. */
export function metaList(tokens: Node): Meta[] {
  return splitTopLevel(innerTokens(tokens))
    .map(metaOf)
    .filter((m): m is Meta => m !== undefined);
}

/** Items of every `#[name(…)]` among the attributes, e.g. all `serde(…)` items of a field. */
export function metaItems(attrs: readonly Attribute[], name: string): Meta[] {
  const out: Meta[] = [];
  for (const a of attrs) if (a.path === name && a.args) out.push(...metaList(a.args));
  return out;
}

/** The text inside `cfg(…)`, as written: `target_os = "macos"`. */
export function cfgPredicates(attrs: readonly Attribute[]): string[] {
  const out: string[] = [];
  for (const a of attrs) {
    if (a.path !== 'cfg' || !a.args) continue;
    const text = a.args.text.trim();
    out.push(text.slice(1, -1).replace(/\s+/g, ' ').trim());
  }
  return out;
}
