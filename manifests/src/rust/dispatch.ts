/**
 * Commands that dispatch by name: one Tauri command taking an operation's name and an untyped
 * payload (`serde_json::Value`), handing both to a router (`router.dispatch(&cmd, payload, …)`)
 * or matching the name against string literals in arms that use the payload. What such a
 * command does cannot be checked against the frontend's calls, so it is reported, never passed
 * over silently. A string matched without an untyped payload beside it is an option (a theme, a
 * scope), not an operation.
 */
import type { Node } from 'web-tree-sitter';
import type { RustOptions } from '../model.js';
import { calleeOf, matchesCall } from './calls.js';
import type { FnNode } from './file-index.js';
import type { Dispatch, ParamStub } from './items.js';
import type { TypeRef } from './types.js';
import { callArguments, flatText, locOf, namedKids, stringValue, unraw } from './nodes.js';

const STRING_TYPES = new Set(['String', 'str', 'Cow']);
/** An untyped payload: what an rpc-style command takes beside the operation's name. */
const JSON_TYPES = new Set(['Value', 'RawValue']);
const PASS_THROUGH = new Set(['as_str', 'as_ref', 'as_deref', 'clone', 'to_string', 'to_owned', 'borrow']);

/** The parameter a value comes straight from: `cmd`, `&cmd`, `cmd.as_str()`, `&*cmd`. */
function paramOf(expr: Node, names: ReadonlySet<string>): string | undefined {
  let n: Node | null = expr;
  for (let i = 0; n && i < 6; i++) {
    if (n.type === 'identifier') return names.has(unraw(n.text)) ? unraw(n.text) : undefined;
    if (n.type === 'reference_expression' || n.type === 'unary_expression' || n.type === 'parenthesized_expression') n = n.namedChildren.find((c) => c !== null && c.type !== 'mutable_specifier') ?? null;
    else if (n.type === 'call_expression' && callArguments(n).length === 0) {
      const fn = n.childForFieldName('function');
      n = fn?.type === 'field_expression' && PASS_THROUGH.has(fn.childForFieldName('field')?.text ?? '') ? fn.childForFieldName('value') : null;
    } else return undefined;
  }
  return undefined;
}

/** Whether the payload parameter is used in an arm's body: the arm handles an operation, not an option. */
function usesPayload(arm: Node, payloads: ReadonlySet<string>): boolean {
  const value = arm.childForFieldName('value');
  return !!value && value.descendantsOfType('identifier').some((id) => id !== null && payloads.has(unraw(id.text)));
}

/** The string literals of the arms that hand the payload on. */
function armNames(match: Node, payloads: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const arm of match.childForFieldName('body')?.namedChildren ?? []) {
    const pattern = arm?.type === 'match_arm' ? arm.childForFieldName('pattern') : null;
    if (!pattern || !usesPayload(arm!, payloads)) continue;
    const stack = [pattern];
    while (stack.length) {
      const p = stack.pop()!;
      const value = stringValue(p);
      if (value !== undefined) out.push(value);
      else if (p.type === 'match_pattern' || p.type === 'or_pattern') stack.push(...namedKids(p));
    }
  }
  return [...new Set(out)].sort();
}

function isJson(t: TypeRef): boolean {
  if (t.kind !== 'path') return false;
  const last = t.segments[t.segments.length - 1] ?? '';
  if ((last === 'Option' || last === 'Box') && t.args[0]) return isJson(t.args[0]);
  return JSON_TYPES.has(last);
}

export function dispatchOf(fn: FnNode, rel: string, options: RustOptions): Dispatch | undefined {
  const params = fn.item.stub?.params ?? [];
  const isString = (p: ParamStub): boolean => p.type.kind === 'path' && STRING_TYPES.has(p.type.segments[p.type.segments.length - 1] ?? '');
  const names = new Set(params.filter((p) => p.name !== undefined && isString(p)).map((p) => p.name!));
  if (names.size === 0) return undefined;
  const payloads = new Set(params.filter((p) => p.name !== undefined && isJson(p.type)).map((p) => p.name!));
  // Only a name beside an untyped payload is an operation's name; a string matched without one is an option.
  if (payloads.size === 0) return undefined;
  const body = fn.node.childForFieldName('body');
  if (!body) return undefined;
  for (const node of body.descendantsOfType(['match_expression', 'call_expression'])) {
    if (!node) continue;
    if (node.type === 'match_expression') {
      const value = node.childForFieldName('value');
      const param = value ? paramOf(value, names) : undefined;
      const operations = param ? armNames(node, payloads) : [];
      if (param && operations.length >= 2) return { fn: fn.item, param, loc: locOf(rel, node), how: `match ${flatText(value!)}`, operations };
      continue;
    }
    const callee = calleeOf(node);
    if (callee && options.forwardCalls.some((c) => matchesCall(callee, c))) continue;
    const args = callArguments(node);
    const param = args.map((a) => paramOf(a, names)).find((p) => p !== undefined);
    if (param && args.some((a) => paramOf(a, payloads) !== undefined)) {
      const how = flatText(node);
      return { fn: fn.item, param, loc: locOf(rel, node), how: how.length > 60 ? `${how.slice(0, 60)}…` : how };
    }
  }
  return undefined;
}
