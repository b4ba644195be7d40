import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';

/** The JSON Schemas that ship in the package's `schema/` folder. */
export const CONFIG_SCHEMA_FILE = 'schema/cutover.config.schema.json';

const cache = new Map<string, Record<string, unknown>>();

/** Reads a shipped schema (`schema/….json`, relative to the package root) once per process. */
export function readShippedSchema(file: string): Record<string, unknown> {
  let schema = cache.get(file);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(path.join(packageRoot(), file), 'utf8')) as Record<string, unknown>;
    cache.set(file, schema);
  }
  return schema;
}
