import { DEFAULT_SECRET_KEYS, type Redactor, REDACTED } from '../../core/src/redact.js';

const KEYS = [...DEFAULT_SECRET_KEYS.filter((k) => k !== 'authorization'), 'auth-token', 'api-key', 'access-token', 'client-secret'];
const keyAlt = KEYS.map((k) => k.replace(/[-_]/g, '[-_]?')).join('|');

// `"authToken": "…"`, `\"token\":\"…\"` (JSON inside a string), `token=…`, `password: …`: a secret
// under a known key name, even when the value itself has no recognisable shape.
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

/** Text through the redactor (known secret values and token shapes), then secrets under known key names. */
export function redactText(redactor: Redactor, text: string): string {
  return redactor
    .text(text)
    .replace(AUTH_HEADER, (_m, head: string, value: string) => replaceValue(head, value))
    .replace(KEY_VALUE, (_m, head: string, value: string) => replaceValue(head, value))
    .replace(FLAG, (_m, head: string) => `${head}${REDACTED}`);
}
