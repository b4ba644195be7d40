/**
 * The payload of a forward call, read while the file's tree is alive: the keys of a `json!`
 * object (written in the call, or bound to a local and extended with `body["k"] = v` before
 * the call), a serde struct to settle once every file is read (`Params { … }`, a local of a
 * struct type), or why its keys cannot be told.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from './file-index.js';
import type { ModuleScope } from './items.js';
import { isJsonMacro, jsonObjectKeys } from './json-macro.js';
import { jsonMutations } from './json-mutations.js';
import { localBinding } from './locals.js';
import { callArguments, flatText, lineOf, peel, unraw } from './nodes.js';
import { typeRef, type TypeRef } from './types.js';

export type ForwardPayload =
  | { keys: string[] }
  /** A struct (or a local of a struct type) serialized by serde: its field names are the keys. */
  | { type: TypeRef; scope: ModuleScope; line: number; expression: string }
  | { unknown: string };

/** `Some(json!(…))`, `&json!(…)`, `json!(…)`, or a local bound to one: the `json!` invocation and the local, if any. */
function jsonOf(arg: Node, site: Site, depth = 0): { macro: Node; local?: { name: string; from: number } } | undefined {
  const node = peel(arg);
  if (isJsonMacro(node)) return { macro: node };
  if (node.type === 'call_expression' && node.childForFieldName('function')?.text === 'Some') {
    const inner = callArguments(node)[0];
    return inner ? jsonOf(inner, site, depth) : undefined;
  }
  if (node.type === 'identifier' && depth < 2) {
    const value = localBinding(unraw(node.text), site)?.value;
    const found = value ? jsonOf(value, site, depth + 1) : undefined;
    return found && value ? { macro: found.macro, local: found.local ?? { name: unraw(node.text), from: value.endIndex } } : undefined;
  }
  return undefined;
}

function jsonKeys(arg: Node, site: Site): ForwardPayload | undefined {
  const found = jsonOf(arg, site);
  if (!found) return undefined;
  const keys = jsonObjectKeys(found.macro);
  if (!keys) return { unknown: `the json! payload ${flatText(found.macro)} is not an object with literal keys` };
  const body = site.fn?.node.childForFieldName('body');
  if (!found.local || !body) return { keys };
  const changed = jsonMutations(body, found.local.name, found.local.from, site.node.startIndex);
  if ('unknown' in changed) return { unknown: changed.unknown };
  return { keys: [...new Set([...keys, ...changed.added])].sort() };
}

/** A struct literal, or a local whose `let` names a type or binds a struct literal. */
function structOf(arg: Node, site: Site, depth = 0): ForwardPayload | undefined {
  const node = peel(arg);
  if (node.type === 'struct_expression') {
    const name = node.childForFieldName('name');
    return name ? { type: typeRef(name), scope: site.scope, line: lineOf(node), expression: flatText(name) } : undefined;
  }
  if (node.type === 'identifier' && depth < 2) {
    const local = localBinding(unraw(node.text), site);
    if (local?.type) return { type: typeRef(local.type), scope: site.scope, line: lineOf(node), expression: flatText(local.type) };
    if (local?.value) return structOf(local.value, site, depth + 1);
  }
  return undefined;
}

/** The payload among the arguments after the name: the first `json!`, else the first struct, else (with one argument) why it cannot be read. */
export function forwardPayload(rest: readonly Node[], site: Site): ForwardPayload {
  if (rest.length === 0) return { keys: [] };
  for (const a of rest) {
    const json = jsonKeys(a, site);
    if (json) return json;
  }
  for (const a of rest) {
    const s = structOf(a, site);
    if (s) return s;
  }
  const text = rest.length === 1 ? flatText(peel(rest[0]!)) : rest.map((a) => flatText(peel(a))).join(', ');
  return { unknown: `the payload ${text.length > 60 ? `${text.slice(0, 57)}…` : text} is neither a json! object nor a struct cutover can follow` };
}
