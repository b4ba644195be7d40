import { REDACTED } from '../../../core/src/redact/registry.js';
import { isSecretRef } from '../../../core/src/redact/value.js';
import type { PathRule } from '../settings.js';
import { isStep, type StepLine, type Trace } from './types.js';

/**
 * A secret a scenario sends is written in it as `{"$secret": "NAME"}`: the trace keeps the name,
 * record and replay put the value in only as the request leaves (harness.secrets says where it
 * is read from). A value that was redacted instead is gone: replaying it would send the literal
 * `[REDACTED]`, which is a finding, not a request.
 */
export function hasSecretRef(v: unknown): boolean {
  if (isSecretRef(v)) return true;
  if (Array.isArray(v)) return v.some(hasSecretRef);
  if (v && typeof v === 'object') return Object.values(v).some(hasSecretRef);
  return false;
}

/** The value with each reference replaced by `lookup(name)`. */
export function resolveSecretRefs<T>(value: T, lookup: (name: string) => unknown): T {
  const walk = (v: unknown): unknown => {
    if (isSecretRef(v)) return lookup(v.$secret);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

export interface LostSecret {
  line: number | undefined;
  step: StepLine;
  /** Where in the step: `params.apiKey`, `text`. */
  at: string;
}

/** The steps of a trace that would send a `[REDACTED]` placeholder. */
export function lostSecrets(trace: Trace): LostSecret[] {
  const out: LostSecret[] = [];
  for (const l of trace.lines) {
    if (!isStep(l)) continue;
    if (l.type === 'raw' && l.text.includes(REDACTED)) out.push({ line: l.line, step: l, at: 'text' });
    if (l.type !== 'request') continue;
    // A templated request is built again from its template; its recorded params are not sent.
    const [name, sent] = l.template ? ['template', l.template] : ['params', l.params];
    for (const p of redactedPaths(sent, name)) out.push({ line: l.line, step: l, at: p });
  }
  return out;
}

function redactedPaths(v: unknown, at: string, out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (v.includes(REDACTED)) out.push(at);
  } else if (Array.isArray(v)) v.forEach((x, i) => redactedPaths(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) redactedPaths(x, `${at}.${k}`, out);
  return out;
}

/**
 * Where the golden trace's observations hold a redacted value: masked on replay (the key must be
 * there, its value cannot be compared), since the new path answers with the real secret.
 */
export function redactedObservationPaths(trace: Trace): PathRule[] {
  const paths = new Set<string>();
  for (const l of trace.lines) {
    if (isStep(l)) continue;
    for (const p of redactedPaths(l.message, '')) if (p) paths.add(p.replace(/\[\d+\]/g, '[*]').replace(/^\./, ''));
  }
  return [...paths].sort().map((path) => ({ path }));
}
