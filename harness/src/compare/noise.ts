import type { NoiseRule } from '../trace/types.js';
import type { Difference } from './compare.js';

/**
 * Turns the differences between two recordings of the old path into noise rules: every
 * field that changed by itself is not something the new path can be held to. Indexes
 * become `*`, so a field that varies in one array item is noise in all of them.
 * Message-level differences cannot be noise; they are returned as unstable.
 */
export function learnNoise(diffs: readonly Difference[]): { noise: NoiseRule[]; unstable: Difference[] } {
  const rules = new Map<string, NoiseRule>();
  const unstable: Difference[] = [];
  for (const d of diffs) {
    if (d.scope && d.path && !d.path.startsWith('(') && (d.kind === 'changed-value' || d.kind === 'changed-type' || d.kind === 'missing' || d.kind === 'extra')) {
      const path = d.path.replace(/\[\d+\]/g, '[*]');
      rules.set(`${d.scope}\u0000${path}`, { scope: d.scope, path });
    } else unstable.push(d);
  }
  return { noise: [...rules.values()].sort((a, b) => a.scope.localeCompare(b.scope) || a.path.localeCompare(b.path)), unstable };
}
