import { createRequire } from 'node:module';
import type { Ajv, CodeOptions, ErrorObject, ValidateFunction } from 'ajv';
import { describeValue } from '../util/describe-value.js';
import { didYouMean } from '../util/did-you-mean.js';

// ajv-formats ships CommonJS with a default export that NodeNext sees one level down.
type AddFormats = (ajv: Ajv) => Ajv;

/**
 * Ajv itself (about sixty modules) is loaded only by a caller that compiles a schema: reading a
 * config or a report uses the shipped, precompiled validators and only the error helpers below.
 */
function ajvRuntime(): { Ajv: new (opts: object) => Ajv; addFormats: AddFormats } {
  const require = createRequire(import.meta.url);
  const ajv = require('ajv') as { Ajv: new (opts: object) => Ajv };
  const formats = require('ajv-formats') as AddFormats & { default?: AddFormats };
  return { Ajv: ajv.Ajv, addFormats: formats.default ?? formats };
}

/** Marks a string (or string array) in a config schema as a path resolved from the config file's folder. */
export const PATH_KEYWORD = 'x-cutover-path';

export interface SchemaProblem {
  /** `harness.targets[0].command` */
  keyPath: string;
  /** The same as segments, for line lookup. */
  segments: (string | number)[];
  message: string;
}

/** One ajv instance per schema set; all errors at once, verbose so messages can show what was found. */
export function createAjv(code?: CodeOptions): Ajv {
  const { Ajv, addFormats } = ajvRuntime();
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...(code ? { code } : {}) });
  addFormats(ajv);
  ajv.addKeyword({ keyword: PATH_KEYWORD, schemaType: 'boolean' });
  return ajv;
}

export function segmentsOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function formatKeyPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(root)';
}

/** Turns ajv's errors into one line each: key path, what was expected, what was found. */
export function explainErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  // anyOf/oneOf report every failed branch too; keep the summary error and drop the branch noise.
  const unionPaths = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  // An if/then reports its own summary beside the concrete error inside "then": keep the concrete one.
  const kept = errors.filter((e) => e.keyword !== 'if' && !unionPaths.some((p) => e.schemaPath !== p && e.schemaPath.startsWith(`${p}/`)));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const p = explainOne(e);
    const key = `${p.keyPath}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

function explainOne(e: ErrorObject): SchemaProblem {
  const segments = segmentsOf(e.instancePath);
  const found = describeValue(e.data);
  const params = e.params as Record<string, unknown>;
  const at = (segs: (string | number)[], message: string): SchemaProblem => ({ keyPath: formatKeyPath(segs), segments: segs, message });
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const guess = didYouMean(key, known);
      const list = known.length ? ` (known keys: ${known.join(', ')})` : '';
      return at([...segments, key], guess ? `unknown key; did you mean "${guess}"?` : `unknown key${list}`);
    }
    case 'required':
      return at([...segments, String(params.missingProperty)], 'is required but missing');
    case 'type':
      return at(segments, `expected ${String(params.type).replace(/,/g, ' or ')}, found ${found}`);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const guess = typeof e.data === 'string' ? didYouMean(e.data, (params.allowedValues as unknown[]).map(String)) : undefined;
      return at(segments, `expected one of ${allowed.join(', ')}, found ${found}${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    case 'const':
      return at(segments, `expected ${JSON.stringify(params.allowedValue)}, found ${found}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(segments, `expected a number ${String(params.comparison)} ${String(params.limit)}, found ${found}`);
    case 'minLength':
      return at(segments, `expected at least ${String(params.limit)} character(s), found ${found}`);
    case 'maxLength':
      return at(segments, `expected at most ${String(params.limit)} character(s), found ${found}`);
    case 'minItems':
      return at(segments, `expected at least ${String(params.limit)} item(s), found ${found}`);
    case 'maxItems':
      return at(segments, `expected at most ${String(params.limit)} item(s), found ${found}`);
    case 'pattern':
      return at(segments, `expected a string matching /${String(params.pattern)}/, found ${found}`);
    case 'format':
      return at(segments, `expected a ${String(params.format)}, found ${found}`);
    case 'uniqueItems':
      return at(segments, `expected unique items; items ${String(params.j)} and ${String(params.i)} are the same`);
    case 'anyOf':
    case 'oneOf':
      return at(segments, `${found} matches none of the allowed shapes${describeUnion(e.schema)}`);
    default:
      return at(segments, `${e.message ?? 'is invalid'} (found ${found})`);
  }
}

function describeUnion(schema: unknown): string {
  if (!Array.isArray(schema)) return '';
  const shapes = schema.map((s: { type?: unknown; const?: unknown; description?: string }) =>
    s.const !== undefined ? JSON.stringify(s.const) : s.type ? String(s.type) : (s.description ?? 'object'),
  );
  return ` (expected ${shapes.join(' or ')})`;
}

export function validateWith(validate: ValidateFunction, data: unknown): SchemaProblem[] {
  return validate(data) ? [] : explainErrors(validate.errors ?? []);
}
