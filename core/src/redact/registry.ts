import { compileNameRules, isSecretName, type NameRules } from './keys.js';

/**
 * The one place a run's secrets are known. A value registered anywhere (a token file the harness
 * read, a `secretFiles` entry, a secret-named env var of a target, a `--db-password` argument in
 * the config) is scrubbed by every writer and every output stream of the process, whoever learnt it.
 */
export const REDACTED = '[REDACTED]';

/**
 * How sure we are that a value is a secret. `explicit`: the user or the target said so (a token
 * file, a secret-named env var, a `$secret` resolved at replay). `learnt`: it sat under a
 * secret-named key in traffic (`auth: "none"`), so a short plain word is not taken for a secret.
 */
export type SecretOrigin = 'explicit' | 'learnt';

const values = new Set<string>();
let names: NameRules = { extra: [], keep: [] };
let isSecret: (name: string) => boolean = isSecretName;
let version = 0;
let compiled: { version: number; pattern: RegExp | undefined } | undefined;
let envLearnt = false;

const NOT_A_SECRET = /^(?:true|false|null|undefined|none|yes|no|on|off)$/i;

function acceptable(v: string, origin: SecretOrigin): boolean {
  if (v.length < 4 || NOT_A_SECRET.test(v) || v.includes(REDACTED) || REDACTED.includes(v)) return false;
  // A short number is more likely a port or a count than a password.
  if (/^\d+$/.test(v) && v.length < 6) return false;
  if (origin === 'learnt') return (v.length >= 6 && /\d/.test(v)) || v.length >= 12;
  return true;
}

/** Registers a secret value; it is scrubbed from everything written from now on. */
export function registerSecret(value: string, origin: SecretOrigin = 'explicit'): void {
  const v = value.trim();
  if (!acceptable(v, origin)) return;
  const forms = [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)];
  // A multi-line secret (a PEM key) is also caught line by line, when a log cut it apart.
  if (v.includes('\n')) forms.push(...v.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= 8));
  for (const f of forms) {
    if (!values.has(f)) {
      values.add(f);
      version++;
    }
  }
}

/** The config's own secret names (`redact.keys`) and never-secret names (`redact.keep`). */
export function registerSecretNames(rules: Partial<NameRules>): void {
  const merge = (a: readonly string[], b: readonly string[] = []) => [...new Set([...a, ...b])];
  const next = { extra: merge(names.extra, rules.extra), keep: merge(names.keep, rules.keep) };
  if (next.extra.length === names.extra.length && next.keep.length === names.keep.length) return;
  names = next;
  isSecret = compileNameRules(names);
  verdicts.clear();
  version++;
  // Env vars cutover passes on to its targets, judged again by the new names.
  envLearnt = false;
}

// Key names repeat in every message: judge each once (bounded, since a map keyed by ids has many).
const verdicts = new Map<string, boolean>();

/** Whether a key name holds a secret: the built-in rule plus the config's names. */
export function isSecretKey(name: string): boolean {
  let v = verdicts.get(name);
  if (v === undefined) {
    v = isSecret(name);
    if (verdicts.size >= 20_000) verdicts.clear();
    verdicts.set(name, v);
  }
  return v;
}

/** Changes whenever a value or a name rule is registered: what a cache of redacted text depends on. */
export function secretsVersion(): number {
  return version;
}

export function secretNameRules(): NameRules {
  return names;
}

/**
 * Every target inherits cutover's environment: a `GITHUB_TOKEN` or `DB_PASSWORD` there is a
 * secret the target may print. Learnt on first use, so a value set before the run is known.
 */
function learnProcessEnv(): void {
  if (envLearnt) return;
  envLearnt = true;
  for (const [k, v] of Object.entries(process.env)) if (v && isSecret(k)) registerSecret(v);
}

/** One pattern matching every registered value, longest first (a secret may contain another). */
export function secretValuesPattern(): RegExp | undefined {
  learnProcessEnv();
  if (compiled?.version === version) return compiled.pattern;
  const sorted = [...values].sort((a, b) => b.length - a.length);
  const pattern = sorted.length ? new RegExp(sorted.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  compiled = { version, pattern };
  return pattern;
}

/** How many values are registered (for tests and --debug). */
export function secretCount(): number {
  learnProcessEnv();
  return values.size;
}
