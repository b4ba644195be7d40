import type { ValidateFunction } from 'ajv';
import { shippedValidator } from '../../../core/src/validators/load.js';

export const TRACE_SCHEMA_FILE = 'schema/trace.schema.json';
const KINDS = ['header', 'request', 'raw', 'control', 'response', 'event', 'message', 'end'] as const;

let compiled: { byType: Map<string, ValidateFunction> } | undefined;

/** One validator per line type, so an error speaks of the line's own shape, not of every alternative. */
export function traceValidators(): { byType: Map<string, ValidateFunction> } {
  if (compiled) return compiled;
  const byType = new Map<string, ValidateFunction>();
  for (const kind of KINDS) byType.set(kind, shippedValidator('trace', kind === 'response' || kind === 'event' || kind === 'message' ? 'observation' : kind));
  compiled = { byType };
  return compiled;
}
