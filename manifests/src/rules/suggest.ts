import { didYouMean } from '../../../core/src/util/did-you-mean.js';

/** `; did you mean "x"?` when a close name exists, else nothing. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const guess = didYouMean(name, [...new Set(candidates)].filter((c) => c !== name));
  return guess ? `; did you mean "${guess}"?` : '';
}

export function at(loc: { file: string; line: number }): string {
  return `${loc.file}:${loc.line}`;
}

export function keyList(keys: readonly string[]): string {
  return `{${keys.join(', ')}}`;
}
