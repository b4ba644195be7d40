/**
 * Struct bodies (of structs and of struct-like enum variants) to JSON Schema objects, following
 * serde: renamed keys, skipped fields, defaults, `Option` fields and `flatten`.
 */
import type { Node } from 'web-tree-sitter';
import type { JsonSchema } from '../model.js';
import { readAttributes } from './attributes.js';
import { kids, lineOf, unraw } from './nodes.js';
import { fieldAttrs, type Direction, type FieldAttrs } from './serde-attrs.js';
import { renameField, type RenameRule } from './serde-case.js';
import { isOptionRef, typeRef, type TypeRef } from './types.js';

export interface FieldDecl {
  /** Absent for tuple fields. */
  name?: string;
  type: TypeRef;
  attrs: FieldAttrs;
  /** Where it is declared, for file:line of notes. */
  line: number;
}

/** Converts a field's type; `line` is where it is declared, `path` the JSON path for notes. */
export type FieldConverter = (type: TypeRef, line: number, path: string) => JsonSchema;

/** Fields of a `{ … }` or `( … )` body with the attributes written before each, read into data. */
export function fieldsOf(body: Node): FieldDecl[] {
  const out: FieldDecl[] = [];
  let attrs: Node[] = [];
  for (const c of kids(body)) {
    if (c.type === 'attribute_item') {
      attrs.push(c);
      continue;
    }
    if (!c.isNamed || c.type === 'visibility_modifier' || c.type === 'line_comment' || c.type === 'block_comment') continue;
    if (c.type === 'field_declaration') {
      const name = c.childForFieldName('name');
      const type = c.childForFieldName('type');
      if (name && type) out.push({ name: unraw(name.text), type: typeRef(type), attrs: fieldAttrs(readAttributes(attrs)), line: lineOf(c) });
    } else {
      out.push({ type: typeRef(c), attrs: fieldAttrs(readAttributes(attrs)), line: lineOf(c) });
    }
    attrs = [];
  }
  return out;
}

export interface ObjectRules {
  dir: Direction;
  renameAll?: RenameRule;
  /** Container `#[serde(default)]`. */
  allDefault?: boolean;
  denyUnknown?: boolean;
}

function sortedObject(props: Map<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const key of [...props.keys()].sort()) out[key] = props.get(key)!;
  return out;
}

function mergeFlattened(s: JsonSchema, props: Map<string, JsonSchema>, required: Set<string>, allOf: JsonSchema[]): JsonSchema | undefined {
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type];
  if (s.properties && types.includes('object')) {
    const optional = types.includes('null');
    for (const [k, v] of Object.entries(s.properties as Record<string, JsonSchema>)) props.set(k, v);
    if (!optional) for (const r of (s.required as string[] | undefined) ?? []) required.add(r);
    return s.additionalProperties !== undefined && s.additionalProperties !== false ? (s.additionalProperties as JsonSchema) : undefined;
  }
  if (s.additionalProperties !== undefined) return s.additionalProperties as JsonSchema;
  if (Object.keys(s).length === 0) return {};
  allOf.push(s);
  return undefined;
}

export function objectSchema(fields: readonly FieldDecl[], rules: ObjectRules, convert: FieldConverter, path: string): JsonSchema {
  const props = new Map<string, JsonSchema>();
  const required = new Set<string>();
  const allOf: JsonSchema[] = [];
  let additional: JsonSchema | undefined;
  let flattened = false;
  for (const f of fields) {
    if (f.name === undefined) continue;
    const fa = f.attrs;
    if (fa.skip[rules.dir]) continue;
    if (fa.flatten) {
      flattened = true;
      additional = mergeFlattened(convert(f.type, f.line, path), props, required, allOf) ?? additional;
      continue;
    }
    const key = fa.rename[rules.dir] ?? (rules.renameAll ? renameField(rules.renameAll, f.name) : f.name);
    // A custom (de)serializer decides the JSON shape; the Rust type says nothing about it.
    props.set(key, fa.custom[rules.dir] ? {} : convert(f.type, f.line, `${path}.${key}`));
    const optional =
      isOptionRef(f.type) ||
      (rules.dir === 'de' && (fa.default || rules.allDefault === true)) ||
      (rules.dir === 'ser' && fa.skipSerializingIf);
    if (!optional) required.add(key);
  }
  const out: JsonSchema = { type: 'object', properties: sortedObject(props) };
  if (required.size > 0) out.required = [...required].sort();
  if (additional !== undefined) out.additionalProperties = additional;
  else if (rules.denyUnknown && rules.dir === 'de' && !flattened) out.additionalProperties = false;
  if (allOf.length > 0) out.allOf = allOf;
  return out;
}

/** `( A, B )` bodies: serde writes a newtype as its inner value and longer tuples as arrays. */
export function tupleSchema(fields: readonly FieldDecl[], dir: Direction, convert: FieldConverter, path: string): JsonSchema {
  const kept = fields.filter((f) => !f.attrs.skip[dir]);
  if (kept.length === 1) return convert(kept[0]!.type, kept[0]!.line, path);
  const items = kept.map((f, i) => convert(f.type, f.line, `${path}[${i}]`));
  return { type: 'array', items, minItems: items.length, maxItems: items.length };
}
