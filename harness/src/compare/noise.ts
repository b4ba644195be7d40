import type { NoiseRule } from '../trace/types.js';
import type { Difference } from './compare.js';

/**
 * Turns the differences between two recordings of the old path into noise rules, each as narrow
 * as what varied: that path of that command or event type (indexes become `*`, so a field that
 * varies in one item of a list is noise in all of them), and of it only what varied: a field that
 * came and went is left out, a value that changed is masked (the key is still compared), a text
 * that changed in one part keeps the rest compared (`took 12 ms` → `took <noise> ms`).
 * Message-level differences cannot be noise; they are returned as unstable.
 */
export function learnNoise(diffs: readonly Difference[]): { noise: NoiseRule[]; unstable: Difference[] } {
  const rules = new Map<string, NoiseRule>();
  const unstable: Difference[] = [];
  for (const d of diffs) {
    if (!d.scope || !d.path || d.more !== undefined || !['changed-value', 'changed-type', 'missing', 'extra', 'renamed'].includes(d.kind)) {
      unstable.push(d);
      continue;
    }
    const path = d.path.replace(/\[\d+\]/g, '[*]');
    const key = `${d.scope}\u0000${path}`;
    const rule = narrowest(d, d.scope, path);
    const before = rules.get(key);
    rules.set(key, before ? widen(before, rule) : rule);
    if (d.kind === 'renamed' && d.renamedTo) {
      // Two keys that came and went: both are fields of their own.
      const to = d.renamedTo.replace(/\[\d+\]/g, '[*]');
      rules.set(`${d.scope}\u0000${to}`, { scope: d.scope, path: to, vary: 'field' });
    }
  }
  return { noise: [...rules.values()].sort((a, b) => a.scope.localeCompare(b.scope) || a.path.localeCompare(b.path)), unstable };
}

function narrowest(d: Difference, scope: string, path: string): NoiseRule {
  if (d.kind !== 'changed-value' && d.kind !== 'changed-type') return { scope, path, vary: 'field' };
  if (typeof d.expected === 'string' && typeof d.actual === 'string') {
    const [prefix, suffix] = stableEnds([d.expected, d.actual]);
    if (prefix || suffix) return { scope, path, vary: 'text', prefix, suffix };
  }
  return { scope, path, vary: 'value' };
}

/** Two rules for one place: the wider of the two (a field over a value over a text, texts by what they still share). */
function widen(a: NoiseRule, b: NoiseRule): NoiseRule {
  const rank = { field: 3, value: 2, text: 1 } as const;
  const ra = rank[a.vary ?? 'field'];
  const rb = rank[b.vary ?? 'field'];
  if (ra !== rb) return ra > rb ? a : b;
  if (a.vary !== 'text' || b.vary !== 'text') return a;
  const prefix = commonPrefix(a.prefix ?? '', b.prefix ?? '');
  const suffix = commonSuffix(a.suffix ?? '', b.suffix ?? '');
  return prefix || suffix ? { ...a, prefix, suffix } : { scope: a.scope, path: a.path, vary: 'value' };
}

/**
 * What the texts share at their start and end, cut back to a word boundary so another value of
 * the varying part still fits (`took 12 ms` and `took 15 ms` share `took ` and ` ms`, not `took 1`).
 */
export function stableEnds(texts: readonly string[]): [string, string] {
  let prefix = texts.reduce(commonPrefix);
  let suffix = texts.reduce(commonSuffix);
  const shortest = Math.min(...texts.map((t) => t.length));
  if (prefix.length + suffix.length > shortest) suffix = suffix.slice(prefix.length + suffix.length - shortest);
  while (prefix && /[A-Za-z0-9]/.test(prefix[prefix.length - 1]!) && texts.some((t) => /[A-Za-z0-9]/.test(t[prefix.length] ?? ''))) prefix = prefix.slice(0, -1);
  while (suffix && /[A-Za-z0-9]/.test(suffix[0]!) && texts.some((t) => /[A-Za-z0-9]/.test(t[t.length - suffix.length - 1] ?? ''))) suffix = suffix.slice(1);
  return [prefix, suffix];
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function commonSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
}
