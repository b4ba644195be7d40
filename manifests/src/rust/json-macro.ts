/**
 * Keys of a `json!({ "k": v, … })` object, read from the macro's token tree: a key is a string
 * literal followed by `:` at the top level of the braces. Keys that are expressions (`json!`
 * allows `(name): v` or a variable) make the key set unknown.
 */
import type { Node } from 'web-tree-sitter';
import { innerTokens, macroBase, macroTokens, splitTopLevel, stringValue } from './nodes.js';

export function isJsonMacro(node: Node): boolean {
  return node.type === 'macro_invocation' && macroBase(node) === 'json';
}

/** The top-level `{ … }` of a `json!` invocation, when its argument is an object literal. */
function objectTokens(macro: Node): Node | undefined {
  const tree = macroTokens(macro);
  if (!tree) return undefined;
  const inner = innerTokens(tree);
  const only = inner[0];
  if (inner.length !== 1 || only?.type !== 'token_tree' || only.child(0)?.type !== '{') return undefined;
  return only;
}

/** The entries of the object, each key with the tokens of its value; undefined when the payload is not an object literal with literal keys. */
export function jsonObjectEntries(macro: Node): Array<{ key: string; value: Node[] }> | undefined {
  const obj = objectTokens(macro);
  if (!obj) return undefined;
  const out: Array<{ key: string; value: Node[] }> = [];
  for (const entry of splitTopLevel(innerTokens(obj))) {
    const [first, second] = entry;
    const key = first ? stringValue(first) : undefined;
    if (key === undefined || second?.type !== ':') return undefined;
    out.push({ key, value: entry.slice(2) });
  }
  return out;
}

/** Sorted keys, or undefined when the payload is not an object literal with literal keys. */
export function jsonObjectKeys(macro: Node): string[] | undefined {
  const entries = jsonObjectEntries(macro);
  return entries ? [...new Set(entries.map((e) => e.key))].sort() : undefined;
}
