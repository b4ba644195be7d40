/**
 * What happens to a `json!` object bound to a local between its `let` and the call that sends
 * it: `body["value"] = v` adds a key; a change cutover cannot read (`body.as_object_mut()`,
 * `body.insert(…)`, `body[name] = …`, `&mut body`, `body = …`) makes the keys unknown.
 */
import type { Node } from 'web-tree-sitter';
import { stringValue, unraw } from './nodes.js';

export type JsonMutations = { added: string[] } | { unknown: string };

/** Methods of `serde_json::Value` that only read it. */
const READERS = new Set([
  'get', 'as_object', 'as_array', 'as_str', 'as_bool', 'as_i64', 'as_u64', 'as_f64', 'as_null', 'is_object', 'is_array', 'is_string',
  'is_null', 'is_boolean', 'is_number', 'is_i64', 'is_u64', 'is_f64', 'to_string', 'clone', 'pointer', 'len', 'is_empty', 'iter', 'keys', 'values', 'contains_key',
]);

/** The assignment whose left side is `node` (or holds it, as `body["a"]["b"] = …` does), if any. */
function assignedBy(node: Node): boolean {
  let n: Node = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if ((p.type === 'assignment_expression' || p.type === 'compound_assignment_expr') && p.childForFieldName('left')?.id === n.id) return true;
    if (p.type !== 'index_expression' && p.type !== 'field_expression') return false;
    if (p.namedChild(0)?.id !== n.id) return false;
  }
  return false;
}

/**
 * The uses of `name` in `body` from `from` (the end of its `let`) to `to` (the sending call):
 * the keys they add, or why the keys cannot be told.
 */
export function jsonMutations(body: Node, name: string, from: number, to: number): JsonMutations {
  const added: string[] = [];
  for (const id of body.descendantsOfType('identifier')) {
    if (!id || id.startIndex < from || id.endIndex > to || unraw(id.text) !== name) continue;
    const parent = id.parent;
    if (!parent) continue;
    if ((parent.type === 'assignment_expression' || parent.type === 'compound_assignment_expr') && parent.childForFieldName('left')?.id === id.id) {
      return { unknown: `${name} is assigned again before it is sent` };
    }
    if (parent.type === 'reference_expression' && parent.children.some((c) => c?.type === 'mutable_specifier')) {
      return { unknown: `${name} is lent mutably (&mut ${name}) before it is sent` };
    }
    if (parent.type === 'index_expression' && parent.namedChild(0)?.id === id.id) {
      if (!assignedBy(parent)) continue;
      const index = parent.namedChild(1);
      const key = index ? stringValue(index) : undefined;
      if (key === undefined) return { unknown: `${name}[${index?.text ?? '…'}] is assigned a key that is not a string literal` };
      added.push(key);
      continue;
    }
    if (parent.type === 'field_expression' && parent.childForFieldName('value')?.id === id.id) {
      const method = parent.childForFieldName('field')?.text ?? '';
      if (READERS.has(method) && !assignedBy(parent)) continue;
      return { unknown: `${name}.${method}(…) may change its keys before it is sent` };
    }
  }
  return { added };
}
