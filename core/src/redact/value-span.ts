/** Where a value sits in a text: its content, without the quotes around it. */
export interface Span {
  start: number;
  end: number;
}

const PLAIN = /^(?:true|false|null|undefined|-?\d+(?:\.\d+)?)$/i;
const BARE_END = /[\s,;&}\])"'`\\<>]/;
// A header value runs to the end of the line, but never past a quote or an escape, so a
// header inside a JSON string or a quoted shell argument keeps its closing quote.
const WIDE_END = /[\r\n"'`\\<]/;

function endOf(s: string, from: number, stop: RegExp): number {
  let i = from;
  while (i < s.length && !stop.test(s[i]!)) i++;
  return i;
}

function lineEnd(s: string, from: number): number {
  const n = s.indexOf('\n', from);
  return n === -1 ? s.length : n;
}

/**
 * The value starting at `at`: a quoted string (double, single, backtick, or `\"` inside JSON
 * text), or a bare word. Objects, arrays, numbers, booleans and null are not secrets: undefined.
 */
export function valueSpan(s: string, at: number, wide: boolean): Span | undefined {
  const c = s[at];
  if (c === undefined) return undefined;
  if (c === '\\' && s[at + 1] === '"') {
    const close = s.indexOf('\\"', at + 2);
    return nonEmpty(at + 2, close === -1 ? lineEnd(s, at) : close);
  }
  if (c === '"') {
    let i = at + 1;
    while (i < s.length && s[i] !== '"' && s[i] !== '\n') i += s[i] === '\\' ? 2 : 1;
    return nonEmpty(at + 1, Math.min(i, s.length));
  }
  if (c === "'" || c === '`') {
    const close = s.indexOf(c, at + 1);
    return nonEmpty(at + 1, close === -1 || close > lineEnd(s, at) ? lineEnd(s, at) : close);
  }
  if (c === '{' || c === '[' || c === '(' || c === '<') return undefined;
  const end = endOf(s, at, wide ? WIDE_END : BARE_END);
  const value = s.slice(at, end).trimEnd();
  if (!value || PLAIN.test(value)) return undefined;
  return { start: at, end: at + value.length };
}

function nonEmpty(start: number, end: number): Span | undefined {
  return end > start ? { start, end } : undefined;
}
