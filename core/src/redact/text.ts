import { isSecretKey, REDACTED, secretValuesPattern } from './registry.js';
import { valueSpan, type Span } from './value-span.js';

/**
 * Free text (command output, logs, error messages, markdown, a printed command line): the
 * registered values, well-known token shapes, and whatever a secret-named key, flag, header,
 * URL or basic-auth argument carries. Each rule reports the value it hides, so the same rules
 * also find the secrets a config or a command line holds (`secretsInText`).
 */
type Found = (value: string) => void;
type IsSecret = (name: string) => boolean;
type Rule = (s: string, isSecret: IsSecret, found?: Found) => string;

// Well-known token shapes: a secret under an innocent name still does not leak.
const SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{30,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bsk-[A-Za-z0-9_-]{20,}/g,
  /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

const registered: Rule = (s, _n, found) => {
  const p = secretValuesPattern();
  if (!p) return s;
  return s.replace(p, (m) => (found?.(m), REDACTED));
};

const shapes: Rule = (s, _n, found) => {
  let out = s;
  for (const p of SHAPES) out = out.replace(p, (m) => (found?.(m), REDACTED));
  return out;
};

// `Bearer abc…`, and `Basic <base64 of user:pass>` (only when it decodes to that, not "Basic usage").
const SCHEME = /\b(Bearer|Basic)([ \t]+)([A-Za-z0-9._~+/=-]{8,})/g;
const schemes: Rule = (s, _n, found) =>
  s.replace(SCHEME, (m, scheme: string, gap: string, v: string) => {
    if (scheme === 'Basic' && !/^[\x20-\x7e]+:[\x20-\x7e]*$/.test(Buffer.from(v, 'base64').toString('latin1'))) return m;
    found?.(v);
    return `${scheme}${gap}${REDACTED}`;
  });

// `https://user:pass@host` keeps the user, hides the password.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"'<>]*:)([^\s/?#@"'<>]+)@/gi;
const userinfo: Rule = (s, _n, found) =>
  s.replace(USERINFO, (m, head: string, pass: string) => (pass === REDACTED ? m : (found?.(pass), `${head}${REDACTED}@`)));

// `curl -u user:pass`, `--user=user:pass`; `docker -u 1000:1000` is a uid:gid, not a password.
const BASIC_USER = /(?<![\w-])(-u|--user|--proxy-user)([ \t]+|=)?(?:(["'])([^\s:"'@/=-][^:"'@/\n]*:)([^"'\n]+)\3|([^\s:"'@/=-][^\s:"'@/]*:)([^\s"']+))/g;
const basicUser: Rule = (s, _n, found) =>
  s.replace(BASIC_USER, (m, flag: string, gap = '', q = '', qUser?: string, qPass?: string, user?: string, pass?: string) => {
    const p = qPass ?? pass!;
    if (/^\d+$/.test(p) || p === REDACTED) return m;
    found?.(p);
    return `${flag}${gap}${q}${qUser ?? user}${REDACTED}${q}`;
  });

const FLAG = /(?<![\w-])--([A-Za-z][\w-]*)(=|[ \t]+)/g;
// `--db-password X`, `--api-key=X`: the value after a secret-named long flag.
const flags: Rule = (s, isSecret, found) =>
  scan(s, FLAG, (m) => {
    const name = m[1]!;
    if (name.startsWith('no-') || !isSecret(name)) return undefined;
    const at = m.index + m[0].length;
    if (m[2] !== '=' && s[at] === '-') return undefined;
    return valueSpan(s, at, false);
  }, found);

// `token=…`, `"apiKey": "…"`, `\"token\":\"…\"` (JSON inside a string), `Cookie: a=1; b=2`,
// `'password' => '…'`: the value under a secret-named key.
const PROSE = /^(?:expected|missing|extra|changed|reordered|duplicated|was|is|not|no|the)\b/;
const HEAD = /(?<![\w-])(\\?["'`]?)([A-Za-z_][\w.-]*)\1[ \t]*(=>|:(?!\/\/)|=(?!=))[ \t]*/g;
const keyValues: Rule = (s, isSecret, found) =>
  scan(s, HEAD, (m) => {
    if (!isSecret(m[2]!)) return undefined;
    const at = m.index + m[0].length;
    // `at result.token: expected "…"` is a message naming a JSON path, not a key and its value.
    if (m[3] === ':' && !m[1] && m[2]!.includes('.') && PROSE.test(s.slice(at, at + 12))) return undefined;
    // A header's value runs to the end of the line: `Authorization: Basic …`, `Cookie: a=1; b=2`.
    const wide = m[3] === ':' && /authorization|cookie/i.test(m[2]!);
    const span = valueSpan(s, at, wide);
    // `auth: a request without a token was served` is a sentence after a label, not a value.
    if (span && !wide && m[3] === ':' && span.start === at && /^[A-Za-z]+$/.test(s.slice(span.start, span.end)) && / [a-z]/.test(s.slice(span.end, span.end + 2))) return undefined;
    return span;
  }, found);

/** Replaces the span each head match names (if any) and goes on scanning after it. */
function scan(s: string, head: RegExp, spanOf: (m: RegExpExecArray) => Span | undefined, found?: Found): string {
  head.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = head.exec(s); m; m = head.exec(s)) {
    const span = spanOf(m);
    if (!span) continue;
    const value = s.slice(span.start, span.end);
    if (value !== REDACTED) {
      found?.(value);
      out += s.slice(from, span.start) + REDACTED;
      from = span.end;
    }
    head.lastIndex = Math.max(span.end, m.index + 1);
  }
  return from === 0 ? s : out + s.slice(from);
}

// Registered values go last: replaced first, a value like `secret` would turn `client_secret=x`
// into `client_[REDACTED]=x`, a key no rule recognises, and x would stay.
const RULES: Rule[] = [shapes, schemes, userinfo, basicUser, flags, keyValues, registered];

// Something at least one rule before the registered values could act on; most strings in
// traffic (titles, ids, message text) have none of it and only meet the registered values.
const CANDIDATE = /[:=]|--|-u|\b(?:gh[pousr]_|github_pat_|glpat-|sk-|[rs]k_|xox[abprs]-|AKIA|ASIA|AIza|npm_|eyJ|Bearer|Basic)|-----BEGIN/;

/** The text with every secret the rules know replaced by [REDACTED]. */
export function redactText(s: string, isSecret: IsSecret = isSecretKey): string {
  if (!CANDIDATE.test(s)) return registered(s, isSecret);
  let out = s;
  for (const rule of RULES) out = rule(out, isSecret);
  return out;
}

/** For names (JSON keys): the registered values and token shapes only. */
export function redactName(s: string): string {
  return registered(shapes(s, isSecretKey), isSecretKey);
}

/** The secret values the rules find in a text (a command line, a header in a config). */
export function secretsInText(s: string, isSecret: IsSecret = isSecretKey): string[] {
  const out: string[] = [];
  if (!CANDIDATE.test(s)) return out;
  let rest = s;
  // Registered values are known already; each rule sees what the earlier ones left.
  for (const rule of RULES.slice(0, -1)) rest = rule(rest, isSecret, (v) => out.push(v));
  return out;
}

/**
 * The first `max` characters of a text, for a message that quotes it: redacted whole before it
 * is cut, since half a secret is a string no rule recognises any more.
 */
export function clip(s: string, max: number, more = '…'): string {
  const clean = redactText(s);
  return clean.length > max ? `${clean.slice(0, max)}${more}` : clean;
}
