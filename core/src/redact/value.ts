import { isDescriptorName } from './keys.js';
import { isSecretKey, REDACTED, secretsVersion } from './registry.js';
import { redactName, redactText } from './text.js';

type IsSecret = (name: string) => boolean;

/**
 * `{ "$secret": "API_KEY" }` names a secret supplied at run time (replay reads it from the
 * environment or a file): it is a name, not a value, and stays as it is.
 */
export function isSecretRef(v: unknown): v is { $secret: string } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$secret' && typeof (v as { $secret: unknown }).$secret === 'string';
}

const SECRET_FLAG = /^--([A-Za-z][\w-]*)$/;

/** In an argv array, the element after `--db-password` or `-u` (`user:pass`) is a secret. */
function argvSecret(prev: unknown, cur: string, isSecret: IsSecret): string | undefined {
  if (typeof prev !== 'string') return undefined;
  const flag = SECRET_FLAG.exec(prev)?.[1];
  if (flag && !flag.startsWith('no-') && isSecret(flag) && !cur.startsWith('-')) return REDACTED;
  if ((prev === '-u' || prev === '--user' || prev === '--proxy-user') && /^[^:]+:(?!\d+$).+/.test(cur)) return `${cur.slice(0, cur.indexOf(':') + 1)}${REDACTED}`;
  return undefined;
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/**
 * A JSON Schema node (a manifest's `password: { type: "string", description: … }`) describes a
 * secret; it does not hold one.
 */
function isSchemaNode(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.type === 'string' ? JSON_TYPES.has(o.type) : Array.isArray(o.type) && o.type.every((t) => JSON_TYPES.has(t as string))) return true;
  return (typeof o.$ref === 'string' && o.$ref.startsWith('#')) || ['properties', 'anyOf', 'oneOf', 'allOf'].some((k) => k in o);
}

// Keys repeat in every message: a key is redacted once per state of the registry.
const names = new Map<string, string>();
let namesVersion = -1;

function key(k: string): string {
  if (namesVersion !== secretsVersion()) {
    names.clear();
    namesVersion = secretsVersion();
  }
  let v = names.get(k);
  if (v === undefined) {
    v = redactName(k);
    if (names.size >= 20_000) names.clear();
    names.set(k, v);
  }
  return v;
}

function set(out: Record<string, unknown>, k: string, v: unknown): void {
  // A `__proto__` key in a target's message is data; plain assignment would drop it.
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/**
 * A JSON value with its secrets replaced: strings under secret-named keys (numbers and booleans
 * are not secrets: `token_count: 12` stays), every string inside a secret-named object except
 * the keys that describe it (`token: { file, env }`), and, in every other string, what the text
 * rules find. The result is still the same JSON shape.
 */
export function redactValue<T>(value: T, isSecret: IsSecret = isSecretKey): T {
  const text = (s: string) => redactText(s, isSecret);
  const walk = (v: unknown, inSecret: boolean): unknown => {
    if (typeof v === 'string') return inSecret && v !== '' ? REDACTED : text(v);
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x, i) => (typeof x === 'string' && !inSecret ? (argvSecret(v[i - 1], x, isSecret) ?? text(x)) : walk(x, inSecret)));
    if (isSecretRef(v)) return { $secret: v.$secret };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const secret = isSecret(k) && x !== '';
      set(out, key(k), secret && typeof x === 'string' ? REDACTED : walk(x, (secret && !isSchemaNode(x)) || (inSecret && !isDescriptorName(k))));
    }
    return out;
  };
  return walk(value, false) as T;
}
