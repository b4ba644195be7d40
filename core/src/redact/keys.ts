/**
 * Which key names hold secrets. Names are compared by their words, whatever the spelling:
 * `access_token`, `accessToken`, `ACCESS-TOKEN` and `x-access-token` are the same kind of name.
 */

/** `x-api-Key` → [x, api, key]; `OAuthToken` → [o, auth, token]; `DB_PASSWORD` → [db, password]. */
export function keyWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A last word that makes the name about a secret rather than the secret itself: `token_type`,
 * `password_file`, `auth_url`, `token_count`, `cookie_name`. Inside a secret-named object
 * (`token: { file, env, field }`) a key named by one of these words is kept too.
 */
const DESCRIPTORS = new Set([
  'type', 'kind', 'mode', 'scheme', 'method', 'provider', 'format', 'name', 'field',
  'file', 'path', 'dir', 'env', 'url', 'uri', 'endpoint', 'sock', 'socket',
  'count', 'length', 'len', 'size', 'limit', 'expiry', 'expires', 'expiration', 'ttl',
  'enabled', 'required',
]);

/** The shell's working directories, not passwords. */
const NOT_SECRET = new Set(['pwd', 'oldpwd']);

function secretWord(w: string): boolean {
  return (
    w.endsWith('token') || // token, accesstoken, csrftoken; not tokens (counts) nor tokenizer
    w.endsWith('secret') ||
    w.endsWith('secrets') || // not secretary
    w.includes('password') ||
    w.includes('passwd') ||
    w === 'pwd' ||
    w.includes('cookie') ||
    w.includes('credential') ||
    w === 'authorization' ||
    (w.endsWith('auth') && w !== 'oauth') || // auth, basicauth; not author, authority, oauth
    /^auth(key|code|header|pass)$/.test(w)
  );
}

/**
 * A web session id (`session_id`, `SESSION-ID`, `sessionid`, `PHPSESSID`) is a credential; a
 * camelCase `sessionId` is how JSON protocols name a resource (a conversation, an agent run), and
 * a trace keyed by it must stay comparable.
 */
function sessionCredential(name: string, joined: string): boolean {
  if (!joined.includes('sessionid') && !joined.includes('sessid')) return false;
  return !/^[a-z]+(?:[A-Z][a-z0-9]*)+$|^(?:[A-Z][a-z0-9]+){2,}$/.test(name);
}

/** The built-in rule, before the config's own names (see NameRules). */
export function isSecretName(name: string): boolean {
  const words = keyWords(name);
  if (!words.length) return false;
  const joined = words.join('');
  if (NOT_SECRET.has(joined)) return false;
  if (words.length > 1 && DESCRIPTORS.has(words[words.length - 1]!)) return false;
  if (words.some(secretWord)) return true;
  if (['apikey', 'privatekey', 'secretkey', 'passphrase'].some((s) => joined.includes(s))) return true;
  return sessionCredential(name, joined);
}

/** A key inside a secret-named object that still says what the secret is, not what it is worth. */
export function isDescriptorName(name: string): boolean {
  const words = keyWords(name);
  return words.length > 0 && DESCRIPTORS.has(words[words.length - 1]!);
}

/** A name as the config gives it: a plain name (compared by words) or a `/regex/flags` string. */
export interface NameRules {
  /** Extra secret names (`redact.keys`). */
  extra: readonly string[];
  /** Names that are never secret (`redact.keep`). */
  keep: readonly string[];
}

export function compileNameRules(rules: NameRules): (name: string) => boolean {
  const extra = compile(rules.extra);
  const keep = compile(rules.keep);
  if (!extra && !keep) return isSecretName;
  return (name) => !keep?.(name) && (isSecretName(name) || extra?.(name) === true);
}

function compile(list: readonly string[]): ((name: string) => boolean) | undefined {
  if (!list.length) return undefined;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const k of list) {
    const m = /^\/(.*)\/([a-z]*)$/.exec(k);
    if (m) patterns.push(new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`));
    else exact.add(keyWords(k).join(' '));
  }
  return (name) => exact.has(keyWords(name).join(' ')) || patterns.some((p) => p.test(name));
}
