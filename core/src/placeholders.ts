/**
 * The one placeholder syntax: `{{name}}` or `{{name.path.to.value}}`, in harness targets
 * (`{{dataDir}}`, `{{configDir}}`, `{{env.NAME}}`), scenario steps (`{{s.result.id}}`) and
 * matrix files (`{{tmp}}`, `{{ready.data.socket}}`, `{{env.NAME}}`). An unknown name is an error
 * that names it and what is known, never an empty string. In a shell command line every
 * substituted value is quoted for the shell, so a value can never run as code.
 */
export class PlaceholderError extends Error {}

/** What a placeholder name means: a value, an object to walk with the dotted path, or a function. */
export type PlaceholderScope = Record<string, unknown>;

const PART = /\{\{\s*([A-Za-z_][\w-]*)((?:\.[^{}\s]+)?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w-]*)((?:\.[^{}\s]+)?)\s*\}\}$/;
// The older single-brace spelling of the harness's target placeholders, read as the new one.
const LEGACY = /(?<!\{)\{(dataDir|configDir|home)\}(?!\})/g;

/** Every `{{name.path}}` reference in a string, in order (the older `{dataDir}` spelling included), for checks before anything runs. */
export function placeholderRefs(text: string): { name: string; ref: string }[] {
  const src = text.includes('{') ? text.replace(LEGACY, '{{$1}}') : text;
  return [...src.matchAll(PART)].map((m) => ({ name: m[1]!, ref: `{{${m[1]}${m[2] ?? ''}}}` }));
}

/** Every reference in the strings inside a value, each with the key path of its string (from `at`). */
export function placeholderUses(value: unknown, at: readonly (string | number)[] = []): { at: (string | number)[]; name: string; ref: string }[] {
  if (typeof value === 'string') return placeholderRefs(value).map((r) => ({ at: [...at], ...r }));
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderUses(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholderUses(v, [...at, k]));
  return [];
}

/** True when some string inside holds a `{{…}}` reference. */
export function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}

export interface ExpandOptions {
  /** Wraps each substituted value in a string (see `shellQuote`). */
  quote?: (value: string) => string;
  /** The message for a name the scope does not have, where the caller can say more (scenarios: "use as: NAME"). */
  unknown?: (name: string, ref: string) => string;
}

function lookup(scope: PlaceholderScope, name: string, dotted: string, opts: ExpandOptions): unknown {
  const ref = `{{${name}${dotted}}}`;
  if (name === 'env' && dotted && !('env' in scope)) {
    const v = process.env[dotted.slice(1)];
    if (v === undefined) throw new PlaceholderError(`${ref}: the environment variable ${dotted.slice(1)} is not set`);
    return v;
  }
  if (!(name in scope)) {
    if (opts.unknown) throw new PlaceholderError(opts.unknown(name, ref));
    const known = Object.keys(scope).map((k) => `{{${k}}}`);
    throw new PlaceholderError(`unknown placeholder ${ref}${known.length ? ` (known here: ${[...known, '{{env.NAME}}'].join(', ')})` : ''}`);
  }
  let node = scope[name];
  if (typeof node === 'function') node = (node as () => unknown)();
  for (const part of dotted ? dotted.slice(1).split('.') : []) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (node === undefined) throw new PlaceholderError(`${ref}: "${name}" has nothing at ${dotted.slice(1) || 'all'}`);
  return node;
}

function asText(v: unknown, ref: string): string {
  if (v === null || typeof v === 'object') throw new PlaceholderError(`${ref} is not a single value (it is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : 'an object'})`);
  return String(v);
}

/** Expands every reference in a string. */
export function expandText(text: string, scope: PlaceholderScope, opts: ExpandOptions = {}): string {
  const src = text.includes('{') ? text.replace(LEGACY, '{{$1}}') : text;
  if (!src.includes('{{')) return src;
  return src.replace(PART, (_m, name: string, dotted: string) => {
    const value = asText(lookup(scope, name, dotted ?? '', opts), `{{${name}${dotted ?? ''}}}`);
    return opts.quote ? opts.quote(value) : value;
  });
}

/** Expands references inside any JSON value; a string that is exactly one reference keeps the value's type. */
export function expandValue<T>(value: T, scope: PlaceholderScope, opts: ExpandOptions = {}): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const whole = WHOLE.exec(v);
      return whole ? lookup(scope, whole[1]!, whole[2] ?? '', opts) : expandText(v, scope, opts);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A value as one word for the system shell: POSIX single quotes (cmd.exe double quotes on Windows). */
export function shellQuote(value: string): string {
  if (process.platform === 'win32') return `"${value.replace(/"/g, '""')}"`;
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
