/**
 * Forward helpers: a function whose forward call's command name is its own parameter
 * (`async fn call<T: Serialize>(s: &SidecarHandle, name: &str, params: T) { s.send(name, …) }`),
 * and the calls that may be of one (`call(&sidecar, "get_logs", LogsQuery { … })`). Once every
 * file is read, each call of a helper with a literal or const name is a forward, with the payload
 * its caller passes where the helper sends its parameter.
 */
import type { Node } from 'web-tree-sitter';
import { calleeOf } from './calls.js';
import type { Site } from './file-index.js';
import { forwardPayload, type ForwardPayload } from './forward-payload.js';
import type { PendingForward, PendingForwardPayload, PendingHelperCall } from './items.js';
import { isJsonMacro } from './json-macro.js';
import { localBinding, paramNames } from './locals.js';
import type { NameExpr } from './name-expr.js';
import { nameExpr } from './name-expr.js';
import { callArguments, innerTokens, locOf, macroTokens, pathSegments, peel, stringValue, unraw } from './nodes.js';

/** `serde_json::to_value(x)`, `json!(x)`, `x.into()`, `….map_err(…)?`, a local bound to one: the `x` handed on. */
function handedOn(arg: Node, site: Site, depth = 0): Node | undefined {
  const node = peel(arg);
  if (node.type === 'identifier') {
    const local = depth < 3 ? localBinding(unraw(node.text), site) : undefined;
    if (local?.value) return handedOn(local.value, site, depth + 1);
    return local ? undefined : node;
  }
  if (isJsonMacro(node)) {
    const tree = macroTokens(node);
    const inner = tree ? innerTokens(tree) : [];
    return inner.length === 1 && inner[0]!.type === 'identifier' ? inner[0] : undefined;
  }
  if (node.type !== 'call_expression' || depth > 4) return undefined;
  const fn = node.childForFieldName('function');
  const args = callArguments(node);
  if (fn?.type === 'field_expression') {
    const method = fn.childForFieldName('field')?.text ?? '';
    const receiver = fn.childForFieldName('value');
    return receiver && ['map_err', 'unwrap', 'expect', 'into', 'unwrap_or_default', 'clone'].includes(method) ? handedOn(receiver, site, depth + 1) : undefined;
  }
  const path = fn ? pathSegments(fn) : [];
  return path[path.length - 1] === 'to_value' && args[0] ? handedOn(args[0], site, depth + 1) : undefined;
}

/** When a forward's name is a parameter of the function around it: that function is a helper, by positions. */
export function helperOf(name: NameExpr, payload: readonly Node[], site: Site): PendingForward['helper'] {
  if (name.kind !== 'unresolved' || name.param === undefined || !site.fn) return undefined;
  const params = paramNames(site.fn);
  const nameIndex = params.indexOf(name.param);
  if (nameIndex < 0) return undefined;
  const given = payload[0] ? handedOn(payload[0], site) : undefined;
  const payloadIndex = given ? params.indexOf(unraw(given.text)) : -1;
  return { name: site.fn.item.name, nameIndex, ...(payloadIndex >= 0 ? { payloadIndex } : {}) };
}

function pending(p: ForwardPayload): PendingForwardPayload {
  return 'keys' in p ? { keys: p.keys } : 'unknown' in p ? { keysUnknown: p.unknown } : { payloadType: p };
}

/** A call with a literal argument: the callee and, by position, each argument as a name (a literal) or a payload. */
export function helperCallOf(site: Site, rel: string): PendingHelperCall | undefined {
  const callee = calleeOf(site.node);
  if (!callee) return undefined;
  const args = callArguments(site.node);
  if (args.length < 2) return undefined;
  const out: PendingHelperCall['args'] = args.map((a) => {
    const n = peel(a);
    if (stringValue(n) !== undefined) return { name: nameExpr(n, site) };
    return { payload: pending(forwardPayload([a], site)) };
  });
  return { callee: callee.name, loc: locOf(rel, callee.nameNode), ...(site.fn ? { fn: site.fn.item } : {}), args: out };
}
