/**
 * The keys a forward sends, settled once every file is read: the `json!` keys read from the
 * call, or the fields of the serde struct it sends (by serde's rules: rename, rename_all, skip,
 * flatten), or why they cannot be told.
 */
import type { ForwardFact, JsonSchema } from '../model.js';
import type { PendingForwardPayload } from './items.js';
import type { SchemaBuilder } from './serde-schema.js';

type Keys = Pick<ForwardFact, 'keys' | 'optionalKeys' | 'keysUnknown'>;

/** The property names of an object schema, when it lists them all (no extra keys allowed in, nothing unknown). */
function objectKeys(schema: JsonSchema): { keys: string[]; optional: string[] } | undefined {
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) return undefined;
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return undefined;
  const keys = Object.keys(schema.properties).sort();
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return { keys, optional: keys.filter((k) => !required.has(k)) };
}

export function payloadKeys(f: PendingForwardPayload, schemas: SchemaBuilder, file: string): Keys {
  if (f.keys) return { keys: f.keys };
  if (f.keysUnknown !== undefined) return { keysUnknown: f.keysUnknown };
  const p = f.payloadType;
  if (!p) return { keysUnknown: 'the payload cannot be read' };
  const { schema, notes } = schemas.schema(p.type, { file, scope: p.scope, line: p.line }, 'ser');
  const read = notes.some((n) => n.kind === 'unknown-type' && n.path === '') ? undefined : objectKeys(schema);
  if (!read) return { keysUnknown: `the payload is a ${p.expression}, which cutover cannot read as a struct with named fields` };
  return { keys: read.keys, ...(read.optional.length ? { optionalKeys: read.optional } : {}) };
}
