/** True when every value in `subset` is present, equal, at the same place in `value`. */
export function matchesSubset(value: unknown, subset: unknown): boolean {
  if (subset === null || typeof subset !== 'object') return value === subset;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(subset)) return Array.isArray(value) && subset.every((s, i) => matchesSubset(value[i], s));
  return Object.entries(subset).every(([k, s]) => matchesSubset((value as Record<string, unknown>)[k], s));
}
