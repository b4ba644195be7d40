/**
 * Rust type syntax as plain data. References, lifetimes and `mut` do not change the JSON shape,
 * so they are dropped here; what is left is paths with generic arguments, tuples and arrays.
 */
import type { Node } from 'web-tree-sitter';
import { flatText, namedKids, pathSegments } from './nodes.js';

export type TypeRef =
  | { kind: 'path'; segments: string[]; args: TypeRef[]; node: Node; text?: string }
  | { kind: 'tuple'; items: TypeRef[]; node: Node }
  | { kind: 'array'; element: TypeRef; length?: number; node: Node }
  | { kind: 'unit'; node: Node }
  /** `impl Trait`, `dyn Trait`, `fn()`, `!`: no serde shape to read. */
  | { kind: 'opaque'; node: Node };

/** The type as written, on one line (read from the source only when a message needs it). */
export function typeText(t: TypeRef): string {
  return t.kind === 'path' && t.text !== undefined ? t.text : flatText(t.node);
}

export function typeRef(node: Node): TypeRef {
  switch (node.type) {
    case 'primitive_type':
    case 'type_identifier':
    case 'scoped_type_identifier':
      return { kind: 'path', segments: pathSegments(node), args: [], node };
    case 'generic_type': {
      const base = node.childForFieldName('type');
      const args = node.childForFieldName('type_arguments');
      const argRefs = args ? namedKids(args).filter(isTypeNode).map(typeRef) : [];
      return { kind: 'path', segments: base ? pathSegments(base) : [], args: argRefs, node };
    }
    case 'reference_type':
    case 'pointer_type': {
      const inner = node.childForFieldName('type');
      return inner ? typeRef(inner) : { kind: 'opaque', node };
    }
    case 'unit_type':
      return { kind: 'unit', node };
    case 'tuple_type':
      return { kind: 'tuple', items: namedKids(node).filter(isTypeNode).map(typeRef), node };
    case 'array_type': {
      const element = node.childForFieldName('element');
      const len = node.childForFieldName('length');
      const length = len && /^\d+$/.test(len.text.replace(/_/g, '')) ? Number(len.text.replace(/_/g, '')) : undefined;
      if (!element) return { kind: 'opaque', node };
      return { kind: 'array', element: typeRef(element), ...(length !== undefined ? { length } : {}), node };
    }
    default:
      return { kind: 'opaque', node };
  }
}

/** Type arguments that are types, not lifetimes, const values or `Item = T` bindings. */
function isTypeNode(n: Node): boolean {
  return n.type !== 'lifetime' && n.type !== 'type_binding' && !n.type.endsWith('_literal') && n.type !== 'block' && n.type !== 'line_comment' && n.type !== 'block_comment';
}

/** `Option<T>`: an optional key, both as a command argument and as a serde field. */
export function isOptionRef(t: TypeRef): boolean {
  return baseName(t) === 'Option';
}

/** The last path segment (`HashMap` of `std::collections::HashMap<K, V>`), or undefined. */
export function baseName(t: TypeRef): string | undefined {
  return t.kind === 'path' ? t.segments[t.segments.length - 1] : undefined;
}
