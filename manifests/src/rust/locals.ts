/**
 * One step of local data flow: the `let` that last bound a name before a use, in the same
 * function. Enough for `let name = format!(…); app.emit(&name, …)` and
 * `let params = json!({…}); send_command("x", params)`.
 */
import type { Node } from 'web-tree-sitter';
import type { FnNode, Site } from './file-index.js';
import { unraw } from './nodes.js';

export interface LocalBinding {
  value?: Node;
  /** The annotated type of `let x: T = …`. */
  type?: Node;
}

export function localBinding(name: string, site: Site): LocalBinding | undefined {
  const body = site.fn?.node.childForFieldName('body');
  if (!body) return undefined;
  let best: Node | undefined;
  for (const decl of body.descendantsOfType('let_declaration', body.startPosition, site.node.startPosition)) {
    if (!decl || decl.startIndex >= site.node.startIndex) continue;
    const pattern = decl.childForFieldName('pattern');
    const ident = pattern?.type === 'mut_pattern' ? pattern.namedChildren.find((c) => c?.type === 'identifier') : pattern;
    if (ident?.type === 'identifier' && unraw(ident.text) === name && (!best || decl.startIndex > best.startIndex)) best = decl;
  }
  if (!best) return undefined;
  const value = best.childForFieldName('value') ?? undefined;
  const type = best.childForFieldName('type') ?? undefined;
  return { ...(value ? { value } : {}), ...(type ? { type } : {}) };
}

/** Names of a function's parameters (simple identifiers), read once into its item. */
export function paramNames(fn: FnNode): string[] {
  if (fn.item.paramNames) return fn.item.paramNames;
  const names: string[] = [];
  for (const p of fn.node.childForFieldName('parameters')?.namedChildren ?? []) {
    const pattern = p?.type === 'parameter' ? p.childForFieldName('pattern') : undefined;
    if (pattern?.type === 'identifier') names.push(unraw(pattern.text));
  }
  fn.item.paramNames = names;
  return names;
}
