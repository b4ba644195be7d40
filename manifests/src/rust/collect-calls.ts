/**
 * Reads the calls that matter to the contract while the file's tree is alive: Tauri's emitting
 * methods (v1 and v2) and the configured calls forwarding to the sidecar. Names and payloads
 * are kept as pending data (constants and types are settled once every file is read).
 */
import type { Node } from 'web-tree-sitter';
import type { RustOptions } from '../model.js';
import { matchesCall, siteCallee } from './calls.js';
import type { Site } from './file-index.js';
import type { PendingEmit, PendingForward, PendingPayload, PendingWrapperCall } from './items.js';
import { helperOf } from './forward-helper.js';
import { forwardPayload } from './forward-payload.js';
import { isJsonMacro, jsonObjectKeys } from './json-macro.js';
import { notAName } from './not-a-name.js';
import { localBinding, paramNames } from './locals.js';
import { nameExpr } from './name-expr.js';
import { callArguments, flatText, isStringLiteral, lineOf, locOf, peel, unraw } from './nodes.js';
import { typeRef } from './types.js';

/** Where the event name sits, how many arguments they take, and whether the payload is JSON text already. */
export const EMITTERS: Record<string, { name: number; arity: number; raw?: true }> = {
  emit: { name: 0, arity: 2 },
  emit_all: { name: 0, arity: 2 },
  emit_and_trigger: { name: 0, arity: 2 },
  emit_to: { name: 1, arity: 3 },
  emit_filter: { name: 0, arity: 3 },
  emit_str: { name: 0, arity: 2, raw: true },
  emit_str_to: { name: 1, arity: 3, raw: true },
  emit_str_filter: { name: 0, arity: 3, raw: true },
};

/** Qualifiers of a fully qualified call `Emitter::emit(&app, …)`. */
const EMITTER_TRAITS = new Set(['Emitter', 'Manager', 'AppHandle', 'App', 'Window', 'WebviewWindow', 'Webview']);

const LITERALS: Record<string, Record<string, unknown>> = {
  unit_expression: { type: 'null' },
  string_literal: { type: 'string' },
  raw_string_literal: { type: 'string' },
  integer_literal: { type: 'integer' },
  float_literal: { type: 'number' },
  boolean_literal: { type: 'boolean' },
};

/** What the payload's schema can be read from: a literal, a struct literal, a typed `let`, or a `json!` object. */
function payloadOf(arg: Node, site: Site, depth = 0): PendingPayload | undefined {
  const node = peel(arg);
  const literal = LITERALS[node.type];
  if (literal) return { schema: { ...literal } };
  if (node.type === 'struct_expression') {
    const name = node.childForFieldName('name');
    return name ? { type: typeRef(name), scope: site.scope, line: lineOf(node) } : undefined;
  }
  if (isJsonMacro(node)) {
    const keys = jsonObjectKeys(node);
    if (!keys) return undefined;
    const properties: Record<string, unknown> = {};
    for (const k of keys) properties[k] = {};
    return { schema: { type: 'object', properties, ...(keys.length > 0 ? { required: keys } : {}) } };
  }
  if (node.type === 'identifier' && depth < 2) {
    const local = localBinding(unraw(node.text), site);
    if (local?.type) return { type: typeRef(local.type), scope: site.scope, line: lineOf(node) };
    if (local?.value) return payloadOf(local.value, site, depth + 1);
  }
  return undefined;
}

export function emitOf(site: Site, rel: string): PendingEmit | PendingWrapperCall | undefined {
  const callee = siteCallee(site);
  const shape = callee ? EMITTERS[callee.name] : undefined;
  if (!callee || !shape) return undefined;
  const args = callArguments(site.node);
  let offset = 0;
  if (!callee.method) {
    // Only the fully qualified form `Emitter::emit(&app, …)` is Tauri's; a free `emit(…)` or
    // `Handle::emit(…)` may be the crate's own wrapper, settled once every file is read.
    const qualifier = callee.qualifier[callee.qualifier.length - 1];
    if (qualifier === undefined || !(EMITTER_TRAITS.has(qualifier) || callee.qualifier[0] === 'tauri')) {
      return { loc: locOf(rel, callee.nameNode), callee: callee.name, args: args.map((a) => nameExpr(a, site)) };
    }
    offset = 1;
  }
  if (args.length !== shape.arity + offset) return undefined;
  const payloadArg = args[shape.name + offset + 1];
  const payload = payloadArg && !shape.raw ? payloadOf(payloadArg, site) : undefined;
  const name = nameExpr(args[shape.name + offset]!, site);
  const index = name.kind === 'unresolved' && name.param !== undefined && site.fn ? paramNames(site.fn).indexOf(name.param) : -1;
  const wrapper = index >= 0 ? { wrapper: { name: site.fn!.item.name, index } } : {};
  return { loc: locOf(rel, callee.nameNode), name, ...(payload ? { payload } : {}), ...wrapper };
}

/**
 * The name argument: the first one, or the second when only that one is a string literal, so a
 * receiver passed first (`Sidecar::send_command(&mgr, "x", …)`, `send_command(&state, "x", …)`)
 * is skipped.
 */
function nameArgument(args: readonly Node[]): number {
  const [first, second] = args;
  return first && second && !isStringLiteral(peel(first)) && isStringLiteral(peel(second)) ? 1 : 0;
}

export function forwardOf(site: Site, rel: string, options: RustOptions): PendingForward | undefined {
  const callee = siteCallee(site);
  if (!callee || !options.forwardCalls.some((c) => matchesCall(callee, c))) return undefined;
  // Inside the forwarding function itself (a wrapper delegating to another layer), the name is
  // its own parameter, not a command.
  if (site.fn && site.fn.item.name === callee.name) return undefined;
  const args = callArguments(site.node);
  const at = nameArgument(args);
  const nameArg = args[at];
  if (!nameArg) return undefined;
  // `tx.send((id, value))` on a channel is no forward: a forward names its command with a string.
  if (notAName(nameArg, site)) return undefined;
  const payload = forwardPayload(args.slice(at + 1), site);
  const name = nameExpr(nameArg, site);
  const helper = helperOf(name, args.slice(at + 1), site);
  return {
    loc: locOf(rel, callee.nameNode),
    ...(site.fn ? { fn: site.fn.item } : {}),
    ...(helper ? { helper } : {}),
    name,
    expression: flatText(peel(nameArg)),
    ...('keys' in payload ? { keys: payload.keys } : 'unknown' in payload ? { keysUnknown: payload.unknown } : { payloadType: payload }),
  };
}
