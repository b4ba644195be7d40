/** Nearest-rank percentile (the value below which p% of samples fall); no interpolation, so it is always a measured value. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
