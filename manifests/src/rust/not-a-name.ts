/**
 * Whether the argument where a forward call names its command plainly is not a string: a tuple,
 * a struct, a number, a bool, an array, a closure, a tuple-struct or variant constructor
 * (`Msg::Done(id)`, `Some(x)`), or a local bound to one or declared with such a type. Such a
 * call (`tx.send((id, ok, value))` on a channel, when the forward call is configured as `send`)
 * is no forward, so it is not reported as one whose command cannot be told.
 */
import type { Node } from 'web-tree-sitter';
import type { Site } from './file-index.js';
import { localBinding } from './locals.js';
import { pathSegments, peel, unraw } from './nodes.js';

const NOT_STRINGS = new Set([
  'tuple_expression', 'struct_expression', 'integer_literal', 'float_literal', 'boolean_literal', 'char_literal',
  'array_expression', 'unit_expression', 'closure_expression', 'negative_literal', 'range_expression',
]);

const NON_STRING_TYPES = /^(?:\(.*\)|\[.*\]|[iu](?:8|16|32|64|128|size)|f32|f64|bool|char)$/s;

/** `Some(x)`, `Ok(x)`, `Msg::Done(x)`: a constructor, by the capital its path ends in. */
function isConstructorCall(node: Node): boolean {
  if (node.type !== 'call_expression') return false;
  const fn = node.childForFieldName('function');
  if (!fn || (fn.type !== 'identifier' && fn.type !== 'scoped_identifier')) return false;
  const last = fn.type === 'identifier' ? unraw(fn.text) : pathSegments(fn).pop() ?? '';
  return /^[A-Z]/.test(last);
}

function paramType(name: string, site: Site): string | undefined {
  for (const p of site.fn?.node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'parameter') continue;
    const pattern = p.childForFieldName('pattern');
    if (pattern?.type === 'identifier' && unraw(pattern.text) === name) return p.childForFieldName('type')?.text;
  }
  return undefined;
}

export function notAName(arg: Node, site: Site, depth = 0): boolean {
  const node = peel(arg);
  if (NOT_STRINGS.has(node.type) || isConstructorCall(node)) return true;
  if (node.type !== 'identifier' || depth > 2) return false;
  const name = unraw(node.text);
  const local = localBinding(name, site);
  if (local?.type) return NON_STRING_TYPES.test(local.type.text.replace(/\s+/g, ''));
  if (local?.value) return notAName(local.value, site, depth + 1);
  if (local) return false;
  const declared = paramType(name, site);
  return declared !== undefined && NON_STRING_TYPES.test(declared.replace(/\s+/g, ''));
}
