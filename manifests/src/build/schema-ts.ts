/**
 * TypeScript declarations from the JSON Schemas the manifests hold. The extractors write a small,
 * self-contained subset of draft-07 (no `$ref`): `type` (one or several), `properties` and
 * `required`, `additionalProperties`, `items` (one schema, or an array for a tuple with
 * `minItems`/`maxItems`), `enum`, `const`, `anyOf`, `oneOf`, `allOf`, and annotations
 * (`title`, `description`, `format`, bounds) that do not change the type. Anything else leaves the
 * type open (`unknown`), never narrower than the schema.
 *
 * One liberty, on purpose: an object schema that lists `properties` and says nothing about other
 * keys is declared closed, so a frontend's typo is a type error; the wire schema itself stays open.
 */
import type { JsonSchema } from '../model.js';

type Schema = JsonSchema | boolean | undefined;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as TypeScript writes it. */
export function propertyKey(key: string): string {
  return IDENT.test(key) ? key : JSON.stringify(key);
}

function literal(v: unknown): string {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  return 'unknown';
}

function doc(text: unknown, pad: string): string[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const lines = text.replace(/\*\//g, '*\\/').trim().split('\n');
  return lines.length === 1 ? [`${pad}/** ${lines[0]} */`] : [`${pad}/**`, ...lines.map((l) => `${pad} * ${l}`), `${pad} */`];
}

/** Wraps a union or intersection in parentheses where it sits inside another type. */
function atom(t: string): string {
  return topLevelOperator(t) ? `(${t})` : t;
}

function topLevelOperator(t: string): boolean {
  let depth = 0;
  let quote = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if ('{[(<'.includes(c)) depth++;
    else if ('}])>'.includes(c)) depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return true;
  }
  return false;
}

const union = (parts: string[]) => {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.length === 1 ? unique[0]! : unique.map(atom).join(' | ');
};

function objectType(s: JsonSchema, depth: number): string {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const pad = '  '.repeat(depth + 1);
  const lines: string[] = [];
  for (const key of Object.keys(props)) {
    const p = props[key];
    lines.push(...doc(typeof p === 'object' ? p.description : undefined, pad));
    lines.push(`${pad}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${typeOf(p, depth + 1)};`);
  }
  // A required key the schema gives no type for is still there.
  for (const key of required) if (!(key in props)) lines.push(`${pad}${propertyKey(key)}: unknown;`);
  const extra = s.additionalProperties as Schema;
  const listed = lines.length > 0;
  if (extra === false) {
    // closed: nothing more
  } else if (extra === undefined || extra === true) {
    if (!listed) lines.push(`${pad}[k: string]: unknown;`);
  } else {
    // Listed keys must fit the index signature too, so it is only as narrow as they all allow.
    lines.push(`${pad}[k: string]: ${listed ? 'unknown' : `${atom(typeOf(extra, depth + 1))} | undefined`};`);
  }
  return lines.length ? `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}` : 'Record<string, never>';
}

function arrayType(s: JsonSchema, depth: number): string {
  const items = s.items as Schema | Schema[];
  if (Array.isArray(items)) {
    const min = typeof s.minItems === 'number' ? s.minItems : 0;
    const closed = typeof s.maxItems === 'number' && s.maxItems <= items.length;
    const elems = items.map((it, i) => `${typeOf(it, depth)}${i < min ? '' : '?'}`);
    return `[${elems.join(', ')}${closed ? '' : `${elems.length ? ', ' : ''}...unknown[]`}]`;
  }
  return `${atom(typeOf(items, depth))}[]`;
}

function ofType(s: JsonSchema, t: string, depth: number): string {
  switch (t) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return arrayType(s, depth);
    case 'object':
      return objectType(s, depth);
    default:
      return 'unknown';
  }
}

/** The TypeScript type a value valid against `schema` has; `depth` is the indentation level it sits at. */
export function typeOf(schema: Schema, depth = 0): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  const s = schema;
  if ('const' in s) return literal(s.const);
  const parts: string[] = [];
  if (Array.isArray(s.enum)) parts.push(union(s.enum.map(literal)));
  else if (s.type !== undefined) parts.push(union((Array.isArray(s.type) ? s.type : [s.type]).map((t) => ofType(s, String(t), depth))));
  else if (s.properties !== undefined || s.additionalProperties !== undefined) parts.push(objectType(s, depth));
  else if (s.items !== undefined) parts.push(arrayType(s, depth));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) parts.push(union((s[key] as Schema[]).map((x) => typeOf(x, depth))));
  }
  if (Array.isArray(s.allOf)) parts.push(...(s.allOf as Schema[]).map((x) => typeOf(x, depth)).filter((t) => t !== 'unknown'));
  const known = parts.filter((t) => t !== 'unknown');
  if (known.length === 0) return 'unknown';
  return known.length === 1 ? known[0]! : known.map(atom).join(' & ');
}

/** `export interface Name {…}` for a plain object schema, else `export type Name = …;`, with its title or description as a doc comment. */
export function declaration(name: string, schema: Schema): string {
  const s = typeof schema === 'object' ? schema : undefined;
  const comment = doc(s?.description ?? s?.title, '');
  const type = typeOf(schema);
  const plainObject = s !== undefined && s.type === 'object' && type.startsWith('{') && !topLevelOperator(type);
  return [...comment, plainObject ? `export interface ${name} ${type}` : `export type ${name} = ${type};`].join('\n');
}
