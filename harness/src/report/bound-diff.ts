import { chars, cut, textWindows } from './text-window.js';

/** Characters of one diff line shown before the rest is cut. */
export const MAX_LINE = 200;
/** Lines and characters of one difference's diff shown before the rest is cut. */
export const MAX_DIFF_LINES = 80;
export const MAX_DIFF_CHARS = 8000;

// `    "blob": `: the indentation and key a line of the pretty-printed message starts with.
const HEAD = /^\s*(?:"(?:[^"\\]|\\.){0,100}": )?/;

/**
 * A unified diff of two messages, bounded for a report: a changed line pair too long to read
 * (a long string that differs at its end) becomes the window around where it differs, any other
 * long line is cut with a note of how much, and the whole diff is cut at MAX_DIFF_LINES lines or
 * MAX_DIFF_CHARS characters, so one difference never prints megabytes. Give it the diff redacted
 * whole: it cuts.
 */
export function boundDiff(diff: string): string {
  const lines = diff.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j]!.startsWith('-')) j++;
    let k = j;
    while (k < lines.length && lines[k]!.startsWith('+')) k++;
    if (j > i && k - j === j - i) {
      // As many lines removed as added: each pair is one changed line.
      const pairs = lines.slice(i, j).map((l, n) => pairLines(l, lines[j + n]!));
      out.push(...pairs.map((p) => p[0]), ...pairs.map((p) => p[1]));
      i = k;
    } else out.push(capLine(lines[i++]!));
  }
  return capTotal(out);
}

function capLine(line: string): string {
  if (line.length <= MAX_LINE) return line;
  const kept = cut(line, MAX_LINE);
  return `${kept}… (${chars(line, kept.length)} more characters)`;
}

/** A removed and an added line: the same window around where they differ, when either is long. */
function pairLines(minus: string, plus: string): [string, string] {
  if (minus.length <= MAX_LINE && plus.length <= MAX_LINE) return [minus, plus];
  const e = minus.slice(1);
  const a = plus.slice(1);
  const head = HEAD.exec(e)![0];
  const w = a.startsWith(head) ? textWindows(e.slice(head.length), a.slice(head.length)) : undefined;
  if (!w) return [capLine(minus), capLine(plus)];
  return [capLine(`-${head}${w.expected}`), capLine(`+${head}${w.actual}`)];
}

function capTotal(lines: string[]): string {
  let size = 0;
  let n = 0;
  while (n < lines.length && n < MAX_DIFF_LINES && size + lines[n]!.length <= MAX_DIFF_CHARS) size += lines[n++]!.length + 1;
  if (n === lines.length) return lines.join('\n');
  // A trailing empty line (the patch ends with a newline) is not a line left out.
  const rest = lines.slice(n).filter(Boolean).length;
  return rest ? [...lines.slice(0, n), `… (${rest} more line${rest === 1 ? '' : 's'} of this diff not shown)`].join('\n') : lines.slice(0, n).join('\n');
}
