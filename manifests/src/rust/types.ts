/**
 * Rust type syntax as plain data (it outlives the file's tree). References, lifetimes and `mut`
 * do not change the JSON shape, so they are dropped here; what is left is paths with generic
 * arguments, tuples and arrays, each with its text as written for messages.
 */
import type { Node } from 'web-tree-sitter';
import { flatText, namedKids, pathSegments } from './nodes.js';

export type TypeRef =
  | { kind: 'path'; segments: string[]; args: TypeRef[]; text: string }
  | { kind: 'tuple'; items: TypeRef[]; text: string }
  | { kind: 'array'; element: TypeRef; length?: number; text: string }
  | { kind: 'unit'; text: string }
  /** `impl Trait`, `dyn Trait`, `fn()`, `!`: no serde shape to read. */
  | { kind: 'opaque'; text: string };

/** The type as written, on one line. */
export function typeText(t: TypeRef): string {
  return t.text;
}

export function typeRef(node: Node): TypeRef {
  switch (node.type) {
    case 'primitive_type':
    case 'type_identifier':
    case 'scoped_type_identifier':
      return { kind: 'path', segments: pathSegments(node), args: [], text: flatText(node) };
    case 'generic_type': {
      const base = node.childForFieldName('type');
      const args = node.childForFieldName('type_arguments');
      const argRefs = args ? namedKids(args).filter(isTypeNode).map(typeRef) : [];
      return { kind: 'path', segments: base ? pathSegments(base) : [], args: argRefs, text: flatText(node) };
    }
    case 'reference_type':
    case 'pointer_type': {
      const inner = node.childForFieldName('type');
      return inner ? typeRef(inner) : { kind: 'opaque', text: flatText(node) };
    }
    case 'unit_type':
      return { kind: 'unit', text: '()' };
    case 'tuple_type':
      return { kind: 'tuple', items: namedKids(node).filter(isTypeNode).map(typeRef), text: flatText(node) };
    case 'array_type': {
      const element = node.childForFieldName('element');
      const len = node.childForFieldName('length');
      const length = len && /^\d+$/.test(len.text.replace(/_/g, '')) ? Number(len.text.replace(/_/g, '')) : undefined;
      if (!element) return { kind: 'opaque', text: flatText(node) };
      return { kind: 'array', element: typeRef(element), ...(length !== undefined ? { length } : {}), text: flatText(node) };
    }
    default:
      return { kind: 'opaque', text: flatText(node) };
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
