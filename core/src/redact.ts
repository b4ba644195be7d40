/**
 * Secrets never reach a trace, evidence file, report or log. Every writer passes its data
 * through a Redactor first. Keys are matched by name; known secret values (a token read
 * from a file) are replaced wherever they appear, also inside longer strings.
 */
export const REDACTED = '[REDACTED]';

export const DEFAULT_SECRET_KEYS = [
  'authToken',
  'auth_token',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'password',
  'secret',
  'clientSecret',
  'authorization',
  'privateKey',
];

export interface RedactorOptions {
  /** Extra key names or /regex/ strings (case-insensitive) whose values are always redacted. */
  keys?: readonly string[];
  /** Literal secret values to scrub wherever they appear. */
  values?: readonly string[];
}

export interface Redactor {
  value<T>(v: T): T;
  /** Free text (logs, command output): known secret values, token shapes, and values under secret key names. */
  text(s: string): string;
  /** Register a secret learnt at run time (a token read from a file). */
  addSecret(secret: string): void;
}

// Well-known token shapes, so a secret with an innocent key name still does not leak.
const TOKEN_PATTERNS = [
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
  /\bsk-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{16,}/g,
];

const TEXT_KEYS = [...DEFAULT_SECRET_KEYS.filter((k) => k !== 'authorization'), 'auth-token', 'api-key', 'access-token', 'client-secret'];
const keyAlt = TEXT_KEYS.map((k) => k.replace(/[-_]/g, '[-_]?')).join('|');

// `"authToken": "…"`, `\"token\":\"…\"` (JSON inside a string), `token=…`, `password: …`: a secret
// under a known key name in free text (logs, command output), even when the value has no known shape.
const KEY_VALUE = new RegExp(
  `((?<![A-Za-z0-9])\\\\?["']?(?:${keyAlt})\\\\?["']?\\s*[:=]\\s*)(\\\\?"[^"]*?\\\\?"|'[^']*'|[^\\s,;&}"'\\\\]+)`,
  'gi',
);
// An Authorization header's whole value: `Basic dXNlcjpwYXNz`, `Token abc`.
const AUTH_HEADER = /((?<![A-Za-z0-9])\\?["']?authorization\\?["']?\s*[:=]\s*)(\\?"[^"]*?\\?"|[^\r\n"]+)/gi;
// `--token abc`, `--api-key=abc` on a command line.
const FLAG = new RegExp(`((?<![A-Za-z0-9-])--(?:${keyAlt})(?:=|\\s+))(?:"[^"]*"|'[^']*'|\\S+)`, 'gi');

/** Keeps the value's quoting, so redacted JSON stays JSON. */
function replaceValue(head: string, value: string): string {
  if (value.startsWith('\\"')) return `${head}\\"${REDACTED}\\"`;
  if (value.startsWith('"')) return `${head}"${REDACTED}"`;
  if (value.startsWith("'")) return `${head}'${REDACTED}'`;
  return `${head}${REDACTED}`;
}

function redactKeyValues(text: string): string {
  return text
    .replace(AUTH_HEADER, (_m, head: string, value: string) => replaceValue(head, value))
    .replace(KEY_VALUE, (_m, head: string, value: string) => replaceValue(head, value))
    .replace(FLAG, (_m, head: string) => `${head}${REDACTED}`);
}

function keyMatcher(keys: readonly string[]): (key: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const k of keys) {
    const m = /^\/(.*)\/([a-z]*)$/.exec(k);
    if (m) patterns.push(new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`));
    else exact.add(k.toLowerCase());
  }
  return (key) => exact.has(key.toLowerCase()) || patterns.some((p) => p.test(key));
}

export function createRedactor(opts: RedactorOptions = {}): Redactor {
  const isSecretKey = keyMatcher([...DEFAULT_SECRET_KEYS, ...(opts.keys ?? [])]);
  const secrets = new Set((opts.values ?? []).filter((v) => v.length >= 4));

  const text = (s: string): string => {
    let out = s;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    for (const p of TOKEN_PATTERNS) out = out.replace(p, (_m, bearer?: string) => (bearer === 'Bearer' ? `Bearer ${REDACTED}` : REDACTED));
    return redactKeyValues(out);
  };

  const value = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(value);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) {
        out[k] = isSecretKey(k) && inner !== null && inner !== undefined && inner !== '' ? REDACTED : value(inner);
      }
      return out;
    }
    return v;
  };

  return {
    value: <T>(v: T) => value(v) as T,
    text,
    addSecret(secret) {
      if (secret.length >= 4) secrets.add(secret);
    },
  };
}
