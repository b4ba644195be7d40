/**
 * The dispatch of a control-socket daemon, read while the file's tree is alive: a `match` on the
 * request's command name (`match req.cmd.as_str()`, `match req["cmd"].as_str()`, `match cmd`
 * where `cmd` is the name or a `let` bound to it) whose arms are string literals or constants,
 * and `if`/`else if` chains comparing it with them (`if req["cmd"] == "rotate"`). Each arm
 * answers a command; the request keys it reads (`req.codebase`) are kept, unless it hands the
 * request on whole, when what it takes cannot be listed.
 */
import type { Node } from 'web-tree-sitter';
import { fnAt } from './call-sites.js';
import type { FileIndex, Site } from './file-index.js';
import type { PendingControlArm } from './items.js';
import { localBinding } from './locals.js';
import type { NameExpr } from './name-expr.js';
import { callArguments, flatText, innerTokens, locOf, namedKids, pathSegments, peel, stringValue, unraw } from './nodes.js';

/** Calls that keep the value they are called on (`.as_str()`, `.unwrap_or("")`, `.and_then(Value::as_str)`). */
const KEEPS = new Set(['as_str', 'as_deref', 'as_ref', 'to_string', 'to_owned', 'clone', 'trim', 'unwrap', 'unwrap_or', 'unwrap_or_default', 'unwrap_or_else', 'and_then', 'map', 'expect', 'to_lowercase']);

/** Where a command name is read from: the request value it is a field of (absent: a bare name). */
interface NameSource {
  receiver?: string;
}

function receiverName(node: Node): string | undefined {
  const n = peel(node);
  return n.type === 'identifier' ? unraw(n.text) : n.type === 'self' ? 'self' : undefined;
}

/** `.get("cmd")` on a value: the key asked for. */
function getKey(call: Node): { value: Node; key: string } | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'field_expression' || fn.childForFieldName('field')?.text !== 'get') return undefined;
  const arg = callArguments(call)[0];
  const key = arg ? stringValue(peel(arg)) : undefined;
  const value = fn.childForFieldName('value');
  return key !== undefined && value ? { value, key } : undefined;
}

/** Whether an expression reads the command name, and from which request value. */
export function nameSource(expr: Node, site: Site, names: ReadonlySet<string>, depth = 0): NameSource | undefined {
  let n = peel(expr);
  for (let i = 0; i < 8 && n.type === 'call_expression'; i++) {
    const got = getKey(n);
    if (got) return names.has(got.key) ? { ...(receiverName(got.value) ? { receiver: receiverName(got.value)! } : {}) } : undefined;
    const fn = n.childForFieldName('function');
    const value = fn?.type === 'field_expression' ? fn.childForFieldName('value') : null;
    if (!value || !KEEPS.has(fn!.childForFieldName('field')?.text ?? '')) return undefined;
    n = peel(value);
  }
  if (n.type === 'field_expression') {
    const field = n.childForFieldName('field');
    const value = n.childForFieldName('value');
    if (!field || !value || !names.has(unraw(field.text))) return undefined;
    const receiver = receiverName(value);
    return receiver ? { receiver } : {};
  }
  if (n.type === 'index_expression') {
    const [value, index] = namedKids(n);
    const key = index ? stringValue(peel(index)) : undefined;
    if (!value || key === undefined || !names.has(key)) return undefined;
    const receiver = receiverName(value);
    return receiver ? { receiver } : {};
  }
  if (n.type === 'identifier') {
    const name = unraw(n.text);
    const bound = depth < 2 ? localBinding(name, { ...site, node: n }) : undefined;
    const via = bound?.value ? nameSource(bound.value, { ...site, node: bound.value }, names, depth + 1) : undefined;
    if (via) return via;
    return names.has(name) ? {} : undefined;
  }
  return undefined;
}

/** The names an arm's pattern matches: string literals (`"a" | "b"`, `Some("a")`) and constants (`STATUS`). */
function patternNames(pattern: Node, site: Site): NameExpr[] {
  const out: NameExpr[] = [];
  const stack = [pattern];
  while (stack.length) {
    const p = stack.pop()!;
    const value = stringValue(p);
    if (value !== undefined) out.push({ kind: 'literal', value });
    else if (p.type === 'match_pattern' || p.type === 'or_pattern' || p.type === 'reference_pattern') stack.push(...namedKids(p).filter((k) => k !== p.childForFieldName('condition')));
    else if (p.type === 'tuple_struct_pattern' && p.childForFieldName('type')?.text === 'Some') stack.push(...namedKids(p).slice(1));
    else if ((p.type === 'identifier' || p.type === 'scoped_identifier') && /^[A-Z][A-Z0-9_]*$/.test(pathSegments(p).pop() ?? '')) {
      out.push({ kind: 'const', segments: pathSegments(p), scope: site.scope, expression: flatText(p) });
    }
  }
  return out.reverse();
}

/** Request keys read in a body: `req.k`, `req["k"]`, `req.get("k")`; undefined when the request is used any other way. */
function readsOf(body: Node, receiver: string | undefined, names: ReadonlySet<string>): string[] | undefined {
  if (receiver === undefined) return undefined;
  const keys = new Set<string>();
  for (const id of body.descendantsOfType(['identifier', 'self'])) {
    if (!id || unraw(id.text) !== receiver) continue;
    const parent = id.parent;
    let key: string | undefined;
    if (parent?.type === 'field_expression' && parent.childForFieldName('value')?.startIndex === id.startIndex) {
      // `req.get("k")` reads k; any other method called on the request may read anything.
      const call = parent.parent?.type === 'call_expression' && parent.parent.childForFieldName('function')?.startIndex === parent.startIndex ? parent.parent : undefined;
      key = call ? getKey(call)?.key : unraw(parent.childForFieldName('field')?.text ?? '');
    } else if (parent?.type === 'index_expression' && parent.namedChildren[0]?.startIndex === id.startIndex && parent.namedChildren[1]) {
      key = stringValue(peel(parent.namedChildren[1]));
    } else if (parent?.type === 'token_tree') {
      key = tokenRead(id);
    }
    if (key === undefined) return undefined;
    if (!names.has(key)) keys.add(key);
  }
  return [...keys].sort();
}

/** In a macro's tokens (`json!({ "k": req.codebase })`): `req . k`, `req ["k"]`, `req . get ("k")`. */
function tokenRead(id: Node): string | undefined {
  const next = id.nextSibling;
  if (next?.type === 'token_tree' && next.child(0)?.type === '[') {
    const inner = innerTokens(next);
    return inner.length === 1 ? stringValue(inner[0]!) : undefined;
  }
  const field = next?.type === '.' ? next.nextSibling : null;
  if (field?.type !== 'identifier') return undefined;
  const args = field.nextSibling;
  if (args?.type !== 'token_tree' || args.child(0)?.type !== '(') return unraw(field.text);
  const inner = innerTokens(args);
  return field.text === 'get' && inner.length === 1 ? stringValue(inner[0]!) : undefined;
}

function arm(name: NameExpr, at: Node, how: string, body: Node | null, source: NameSource, names: ReadonlySet<string>, rel: string): PendingControlArm {
  const reads = body ? readsOf(body, source.receiver, names) : undefined;
  return { name, loc: locOf(rel, at), how, ...(reads ? { reads } : {}) };
}

function fromMatch(node: Node, site: Site, names: ReadonlySet<string>, rel: string, out: PendingControlArm[]): void {
  const value = node.childForFieldName('value');
  const source = value ? nameSource(value, site, names) : undefined;
  if (!value || !source) return;
  const how = `match ${flatText(value)}`;
  for (const a of node.childForFieldName('body')?.namedChildren ?? []) {
    const pattern = a?.type === 'match_arm' ? a.childForFieldName('pattern') : null;
    if (!pattern) continue;
    for (const name of patternNames(pattern, site)) out.push(arm(name, pattern, how, a!.childForFieldName('value'), source, names, rel));
  }
}

/** `a == "x"` (either way round, also inside `||`) in an `if` condition: the name and the branch it guards. */
function fromComparison(node: Node, site: Site, names: ReadonlySet<string>, rel: string, out: PendingControlArm[]): void {
  if (node.childForFieldName('operator')?.text !== '==') return;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return;
  const [side, other] = stringValue(peel(right)) !== undefined ? [left, right] : [right, left];
  const literal = stringValue(peel(other));
  const source = literal !== undefined ? nameSource(side, site, names) : undefined;
  if (!source) return;
  let cond: Node = node;
  while (cond.parent && (cond.parent.type === 'parenthesized_expression' || (cond.parent.type === 'binary_expression' && cond.parent.childForFieldName('operator')?.text === '||'))) cond = cond.parent;
  const ifNode = cond.parent?.type === 'if_expression' && cond.parent.childForFieldName('condition')?.startIndex === cond.startIndex ? cond.parent : undefined;
  if (!ifNode) return;
  out.push(arm({ kind: 'literal', value: literal! }, other, `if ${flatText(side)} == …`, ifNode.childForFieldName('consequence'), source, names, rel));
}

/** Every dispatch arm of a file's functions (each node once, though functions nest). */
export function controlArms(index: FileIndex, names: ReadonlySet<string>): PendingControlArm[] {
  const out: PendingControlArm[] = [];
  const seen = new Set<string>();
  for (const fn of index.functions) {
    const body = fn.node.childForFieldName('body');
    if (!body) continue;
    for (const node of body.descendantsOfType(['match_expression', 'binary_expression'])) {
      // `a == "x" || a == "y"` and its left operand start at the same place: told apart by their end.
      const key = node ? `${node.startIndex}:${node.endIndex}` : '';
      if (!node || seen.has(key)) continue;
      seen.add(key);
      const site: Site = { node, scope: fn.item.scope, fn: fnAt(index, node.startIndex) ?? fn };
      if (node.type === 'match_expression') fromMatch(node, site, names, index.rel, out);
      else fromComparison(node, site, names, index.rel, out);
    }
  }
  return out;
}
