import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../../core/src/config/validate.js';
import { readShippedSchema } from '../../../core/src/schemas.js';

export const TRACE_SCHEMA_FILE = 'schema/trace.schema.json';
const KINDS = ['header', 'request', 'raw', 'control', 'response', 'event', 'message', 'end'] as const;

let compiled: { top: ValidateFunction; byType: Map<string, ValidateFunction> } | undefined;

/** One validator per line type, so an error speaks of the line's own shape, not of every alternative. */
export function traceValidators(): { top: ValidateFunction; byType: Map<string, ValidateFunction> } {
  if (compiled) return compiled;
  const schema = readShippedSchema(TRACE_SCHEMA_FILE);
  const ajv = createAjv();
  ajv.addSchema(schema);
  const byType = new Map<string, ValidateFunction>();
  for (const kind of KINDS) {
    const def = kind === 'response' || kind === 'event' || kind === 'message' ? 'observation' : kind;
    byType.set(kind, ajv.compile({ $ref: `trace.schema.json#/definitions/${def}` }));
  }
  compiled = { top: ajv.getSchema('trace.schema.json')!, byType };
  return compiled;
}
