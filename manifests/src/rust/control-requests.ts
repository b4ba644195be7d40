/**
 * Requests a control-socket client builds, read while the file's tree is alive: a `json!` object
 * naming the command (`json!({"cmd": "sync", "codebase": name})`), a struct literal setting the
 * command field (`Request { cmd: "status".into(), .. }`), and variants of an enum written as values
 * (`Request::Status`, `Request::Sync { codebase }`), which are settled once every file is read
 * (only a request enum's variants are requests). Patterns (`match req { Request::Status => … }`)
 * and `use` paths are not requests.
 */
import type { Node } from 'web-tree-sitter';
import { fnAt } from './call-sites.js';
import type { FileIndex, Site } from './file-index.js';
import type { Loc } from '../model.js';
import { calleeOf } from './calls.js';
import type { PendingControlCall, PendingControlRequest } from './items.js';
import { isJsonMacro, jsonObjectEntries } from './json-macro.js';
import { nameExpr, type NameExpr } from './name-expr.js';
import { paramNames } from './locals.js';
import { callArguments, locOf, namedKids, pathSegments, peel, stringValue, unraw } from './nodes.js';

const NOT_A_VALUE = new Set(['scoped_identifier', 'scoped_type_identifier', 'use_declaration', 'use_as_clause', 'use_list', 'scoped_use_list', 'use_wildcard']);

/** Whether a path is written as a pattern (or inside one), not as a value. */
function inPattern(node: Node): boolean {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'match_pattern' || p.type.endsWith('_pattern')) return true;
    if ((p.type === 'let_declaration' || p.type === 'let_condition' || p.type === 'parameter' || p.type === 'for_expression') && p.childForFieldName('pattern')?.startIndex === child.startIndex) return true;
    if (p.type.endsWith('_expression') || p.type === 'block' || p.type === 'arguments' || p.type === 'field_initializer') return false;
  }
  return false;
}

/** `Type::Variant`: a path whose last two segments are capitalised (not `Self::…`). */
function variantPath(segments: readonly string[]): boolean {
  const [type, variant] = segments.slice(-2);
  return segments.length >= 2 && /^[A-Z]/.test(variant ?? '') && /^[A-Z]/.test(type ?? '') && type !== 'Self';
}

/** The name a json! value's tokens give: a literal, a constant's path, or a variable (as nameExpr reads it). */
function tokensName(tokens: readonly Node[], site: Site): NameExpr {
  const [first] = tokens;
  if (tokens.length === 1 && first && (stringValue(first) !== undefined || first.type === 'identifier')) return nameExpr(first, site);
  if (tokens.length > 1 && tokens.every((t) => t.type === 'identifier' || t.type === '::')) {
    return { kind: 'const', segments: tokens.filter((t) => t.type === 'identifier').map((t) => unraw(t.text)), scope: site.scope, expression: tokens.map((t) => t.text).join('') };
  }
  return { kind: 'unresolved', expression: tokens.map((t) => t.text).join(' '), reason: 'not a string literal or a crate constant' };
}

/** A name that is a parameter of the function around it: that parameter's position. */
function paramOf(name: NameExpr, site: Site): { param: number } | Record<string, never> {
  const at = name.kind === 'unresolved' && name.param !== undefined && site.fn ? paramNames(site.fn).indexOf(name.param) : -1;
  return at >= 0 ? { param: at } : {};
}

function fromJson(site: Site, names: ReadonlySet<string>, rel: string): PendingControlRequest | undefined {
  const entries = isJsonMacro(site.node) ? jsonObjectEntries(site.node) : undefined;
  const named = entries?.find((e) => names.has(e.key));
  if (!entries || !named) return undefined;
  const keys = [...new Set(entries.filter((e) => e !== named).map((e) => e.key))].sort();
  const name = tokensName(named.value, site);
  return { loc: locOf(rel, site.node), name, scope: site.scope, keys, ...(site.fn ? { fn: site.fn.item } : {}), ...paramOf(name, site) };
}

/** A literal or constant argument (`"status"`, `STATUS`, `cmds::STATUS`); anything else is not read. */
function literalArg(arg: Node, site: Site): NameExpr | undefined {
  const n = peel(arg);
  if (stringValue(n) !== undefined) return { kind: 'literal', value: stringValue(n)! };
  const last = n.type === 'identifier' || n.type === 'scoped_identifier' ? pathSegments(n).pop() : undefined;
  return last && /^[A-Z][A-Z0-9_]*$/.test(last) ? nameExpr(n, site) : undefined;
}

/** A call of a free function, a path, or a method on `self` with a literal or constant argument: maybe a request helper's. */
function fromCall(node: Node, site: Site, rel: string): PendingControlCall | undefined {
  const callee = calleeOf(node);
  if (!callee) return undefined;
  // `tx.send("x")` on some other value is no call of the crate's helper; `self.send("x")` may be.
  if (callee.method) {
    let fn = node.childForFieldName('function');
    if (fn?.type === 'generic_function') fn = fn.childForFieldName('function');
    const receiver = fn?.childForFieldName('value');
    if (!receiver || peel(receiver).type !== 'self') return undefined;
  }
  const args = callArguments(node).map((a) => literalArg(a, site));
  if (!args.some((a) => a !== undefined)) return undefined;
  return { callee: callee.name, loc: locOf(rel, callee.nameNode), args, ...(site.fn ? { fn: site.fn.item } : {}) };
}

function typeName(node: Node | null): string[] {
  if (!node) return [];
  const base = node.type === 'generic_type' ? node.childForFieldName('type') : node;
  return base ? pathSegments(base) : [];
}

function fromStruct(node: Node, site: Site, names: ReadonlySet<string>, rel: string): PendingControlRequest | undefined {
  const fields = node.childForFieldName('body');
  if (!fields) return undefined;
  const keys: string[] = [];
  let name: NameExpr | undefined;
  let open = false;
  for (const f of namedKids(fields)) {
    if (f.type === 'base_field_initializer') open = true;
    const field = f.type === 'field_initializer' ? f.childForFieldName('field') : f.type === 'shorthand_field_initializer' ? namedKids(f)[0] : undefined;
    if (!field) continue;
    const key = unraw(field.text);
    if (names.has(key)) name = nameExpr(f.type === 'field_initializer' ? f.childForFieldName('value')! : field, site);
    else keys.push(key);
  }
  const base = { loc: locOf(rel, node), scope: site.scope, ...(site.fn ? { fn: site.fn.item } : {}) };
  // A struct's fields are its type's, all sent whatever the command: they say nothing about what this one takes.
  const path = typeName(node.childForFieldName('name'));
  if (name) return { ...base, name, type: path, ...paramOf(name, site) };
  return variantPath(path) && !inPattern(node) ? { ...base, variant: path, ...(open ? {} : { keys: keys.sort() }) } : undefined;
}

function fromPath(node: Node, site: Site, rel: string): PendingControlRequest | undefined {
  if (NOT_A_VALUE.has(node.parent?.type ?? '') || inPattern(node)) return undefined;
  const path = pathSegments(node);
  return variantPath(path) ? { loc: locOf(rel, node), variant: path, scope: site.scope, ...(site.fn ? { fn: site.fn.item } : {}) } : undefined;
}

const byPlace = (a: { loc: Loc }, b: { loc: Loc }): number => a.loc.line - b.loc.line || (a.loc.column ?? 0) - (b.loc.column ?? 0);

/** Every request built in a file's functions, and the calls that may be of a request helper (each node once, though functions nest). */
export function controlRequests(index: FileIndex, names: ReadonlySet<string>): { requests: PendingControlRequest[]; calls: PendingControlCall[] } {
  const requests: PendingControlRequest[] = [];
  const calls: PendingControlCall[] = [];
  for (const site of index.macros) {
    const r = fromJson(site, names, index.rel);
    if (r) requests.push(r);
  }
  const seen = new Set<string>();
  for (const fn of index.functions) {
    const body = fn.node.childForFieldName('body');
    if (!body) continue;
    for (const node of body.descendantsOfType(['struct_expression', 'scoped_identifier', 'call_expression'])) {
      const key = node ? `${node.startIndex}:${node.endIndex}:${node.type}` : '';
      if (!node || seen.has(key)) continue;
      seen.add(key);
      const site: Site = { node, scope: fn.item.scope, fn: fnAt(index, node.startIndex) ?? fn };
      if (node.type === 'call_expression') {
        const c = fromCall(node, site, index.rel);
        if (c) calls.push(c);
        continue;
      }
      const r = node.type === 'struct_expression' ? fromStruct(node, site, names, index.rel) : fromPath(node, site, index.rel);
      if (r) requests.push(r);
    }
  }
  return { requests: requests.sort(byPlace), calls: calls.sort(byPlace) };
}

