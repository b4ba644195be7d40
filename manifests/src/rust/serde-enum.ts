/**
 * Enums to JSON Schema under serde's four representations: externally tagged (default),
 * internally tagged (`tag`), adjacently tagged (`tag` + `content`) and `untagged`. Unit-only
 * externally tagged enums are plain string enums.
 */
import type { Node } from 'web-tree-sitter';
import type { JsonSchema } from '../model.js';
import { readAttributes } from './attributes.js';
import { kids, unraw } from './nodes.js';
import { fieldAttrs, type ContainerAttrs, type Direction, type FieldAttrs } from './serde-attrs.js';
import { renameVariant } from './serde-case.js';
import { fieldsOf, objectSchema, tupleSchema, type FieldConverter, type FieldDecl } from './serde-fields.js';

export interface Variant {
  name: string;
  attrs: FieldAttrs;
  /** A struct-like (`{ … }`) or tuple-like (`( … )`) variant's fields. */
  body?: { tuple: boolean; fields: FieldDecl[] };
}

/** The variants of an enum's body, read into data. */
export function variantsOf(list: Node): Variant[] {
  const out: Variant[] = [];
  let attrs: Node[] = [];
  for (const c of kids(list)) {
    if (c.type === 'attribute_item') attrs.push(c);
    else if (c.type === 'enum_variant') {
      const name = c.childForFieldName('name');
      const body = c.childForFieldName('body');
      const fields = body ? { tuple: body.type === 'ordered_field_declaration_list', fields: fieldsOf(body) } : undefined;
      out.push({ name: unraw(name?.text ?? ''), attrs: fieldAttrs(readAttributes(attrs)), ...(fields ? { body: fields } : {}) });
      attrs = [];
    } else if (c.isNamed && c.type !== 'line_comment' && c.type !== 'block_comment') attrs = [];
  }
  return out;
}

export interface EnumRules {
  dir: Direction;
  container: ContainerAttrs;
}

function tagConst(value: string): JsonSchema {
  return { const: value };
}

function contentOf(v: Variant, rules: EnumRules, convert: FieldConverter, path: string): JsonSchema {
  if (!v.body) return { type: 'null' };
  const fields = v.body.fields;
  if (v.body.tuple) return tupleSchema(fields, rules.dir, convert, path);
  const renameAll = v.attrs.renameAll[rules.dir] ?? rules.container.renameAllFields[rules.dir];
  return objectSchema(fields, { dir: rules.dir, ...(renameAll ? { renameAll } : {}) }, convert, path);
}

/** Internally tagged: the tag sits beside the variant's own fields. */
function withTag(tag: string, value: string, content: JsonSchema | undefined): JsonSchema {
  if (!content || content.type === 'null') return { type: 'object', properties: { [tag]: tagConst(value) }, required: [tag] };
  if (content.type === 'object' && content.properties) {
    const properties = { ...(content.properties as Record<string, JsonSchema>), [tag]: tagConst(value) };
    const sorted: Record<string, JsonSchema> = {};
    for (const k of Object.keys(properties).sort()) sorted[k] = properties[k]!;
    const required = [...new Set([...((content.required as string[] | undefined) ?? []), tag])].sort();
    return { ...content, properties: sorted, required };
  }
  return { allOf: [{ type: 'object', properties: { [tag]: tagConst(value) }, required: [tag] }, content] };
}

export function enumSchema(all: readonly Variant[], rules: EnumRules, convert: FieldConverter, path: string): JsonSchema {
  const { container, dir } = rules;
  const variants = all.filter((v) => !v.attrs.skip[dir]);
  const nameOf = (v: Variant): string => {
    const rule = container.renameAll[dir];
    return v.attrs.rename[dir] ?? (rule ? renameVariant(rule, v.name) : v.name);
  };
  const tagged: Array<{ name: string; schema: JsonSchema }> = [];
  const untagged: JsonSchema[] = [];
  const units: string[] = [];
  let openUnit = false;
  for (const v of variants) {
    const name = nameOf(v);
    if (container.untagged || v.attrs.untagged) {
      untagged.push(contentOf(v, rules, convert, path));
    } else if (container.tag !== undefined && container.content !== undefined) {
      const entries: Array<[string, JsonSchema]> = [[container.tag, tagConst(name)]];
      if (v.body) entries.push([container.content, contentOf(v, rules, convert, `${path}.${container.content}`)]);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const schema = { type: 'object', properties: Object.fromEntries(entries), required: entries.map(([k]) => k) };
      tagged.push({ name, schema });
    } else if (container.tag !== undefined) {
      tagged.push({ name, schema: withTag(container.tag, name, v.body ? contentOf(v, rules, convert, path) : undefined) });
    } else if (!v.body) {
      units.push(name);
      if (dir === 'de' && v.attrs.other) openUnit = true;
    } else {
      const content = contentOf(v, rules, convert, `${path}.${name}`);
      tagged.push({ name, schema: { type: 'object', properties: { [name]: content }, required: [name], additionalProperties: false } });
    }
  }
  const options: JsonSchema[] = [];
  if (units.length > 0) options.push(openUnit ? { type: 'string' } : { type: 'string', enum: [...units].sort() });
  options.push(...tagged.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((t) => t.schema));
  // Untagged variants are tried in source order after the tagged ones, as serde does.
  if (untagged.length > 0) {
    const all = [...options, ...untagged];
    return all.length === 1 ? all[0]! : { anyOf: all };
  }
  if (options.length === 0) return {};
  return options.length === 1 ? options[0]! : { oneOf: options };
}
