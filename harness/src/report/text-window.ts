/**
 * Where two long texts differ, as a person needs to see it: the offset of the first difference
 * and a window of context around it on both sides (`…abc[é]🎉"` against `…abc[e]🎉"`), never
 * cutting a surrogate pair (an emoji) in half. Callers redact each whole text before they take a
 * window of it: a secret cut in half is no longer recognisable.
 */

/** Characters (UTF-16 units) of context kept on each side of the part that differs. */
export const RADIUS = 40;
/** Characters of each side's differing part shown before it is cut. */
const MIDDLE = 40;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when index i of s falls between the two halves of a surrogate pair. */
function splitsPair(s: string, i: number): boolean {
  return i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1));
}

/** The first `max` units of s, one less when that would end on half an emoji. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, splitsPair(s, max) ? max - 1 : max);
}

/** Characters (code points) in s between `from` and `to`: an emoji counts once. */
export function chars(s: string, from = 0, to = s.length): number {
  let n = to - from;
  for (let i = from + 1; i < to; i++) if (splitsPair(s, i)) n--;
  return n;
}

/** UTF-16 index where a and b first differ (never inside a surrogate pair), or -1 when equal. */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n && a.length === b.length) return -1;
  return i > 0 && isHigh(a.charCodeAt(i - 1)) ? i - 1 : i;
}

/** Length of the end a and b share after `p`, starting on a whole character. */
function commonEnd(a: string, b: string, p: number): number {
  let k = 0;
  while (k < a.length - p && k < b.length - p && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k > 0 && isLow(a.charCodeAt(a.length - k)) ? k - 1 : k;
}

/** One side: context before, [the part that differs], context after; `…` where it is cut. */
function side(s: string, p: number, end: number): string {
  const from = Math.max(0, p - RADIUS);
  const start = splitsPair(s, from) ? from - 1 : from;
  const middle = end - p > MIDDLE ? `${cut(s.slice(p, end), MIDDLE)}…` : s.slice(p, end);
  const to = Math.min(s.length, end + RADIUS);
  const stop = splitsPair(s, to) ? to + 1 : to;
  return `${start > 0 ? '…' : ''}${s.slice(start, p)}[${middle}]${s.slice(end, stop)}${stop < s.length ? '…' : ''}`;
}

export interface TextWindows {
  /** UTF-16 index of the first difference. */
  at: number;
  expected: string;
  actual: string;
}

/** Both texts' windows around their first difference; undefined when they are equal. */
export function textWindows(expected: string, actual: string): TextWindows | undefined {
  const at = firstDifference(expected, actual);
  if (at < 0) return undefined;
  const k = commonEnd(expected, actual, at);
  return { at, expected: side(expected, at, expected.length - k), actual: side(actual, at, actual.length - k) };
}
