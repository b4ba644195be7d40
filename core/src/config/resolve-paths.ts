import path from 'node:path';
import { PATH_KEYWORD } from './validate.js';

type Schema = Record<string, unknown>;

/**
 * Resolves every value the schema marks with `x-cutover-path` against the config file's folder,
 * so a config means the same thing whatever directory cutover runs from.
 */
export function resolvePaths(data: unknown, schema: Schema, baseDir: string, root: Schema = schema): unknown {
  const s = deref(schema, root);
  if (s[PATH_KEYWORD] === true) {
    if (typeof data === 'string') return resolveOne(data, baseDir);
    if (Array.isArray(data)) return data.map((d) => (typeof d === 'string' ? resolveOne(d, baseDir) : d));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[key] as Schema[] | undefined;
    if (branches) for (const b of branches) data = resolvePaths(data, b, baseDir, root);
  }
  if (Array.isArray(data)) {
    const items = s.items as Schema | undefined;
    return items ? data.map((d) => resolvePaths(d, items, baseDir, root)) : data;
  }
  if (data !== null && typeof data === 'object') {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const extra = typeof s.additionalProperties === 'object' ? (s.additionalProperties as Schema) : undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      const sub = props[k] ?? extra;
      out[k] = sub ? resolvePaths(v, sub, baseDir, root) : v;
    }
    return out;
  }
  return data;
}

// URLs and `tcp://` endpoints share fields with paths (a socket endpoint); leave them as written.
function resolveOne(value: string, baseDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('\\\\')) return value;
  return path.resolve(baseDir, value);
}

function deref(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  return deref((node ?? {}) as Schema, root);
}
