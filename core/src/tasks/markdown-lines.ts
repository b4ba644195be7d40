/**
 * Block-level line classification for markdown task lists: ATX headings, list items with their
 * indentation, fenced code and HTML comments (whose contents are never tasks), blank and text lines.
 * Task lists are line-oriented; this is the part of CommonMark they rely on.
 */
export type MarkdownLine =
  | { kind: 'blank'; line: number }
  | { kind: 'heading'; line: number; level: number; text: string }
  | { kind: 'item'; line: number; indent: number; bullet: string; content: string }
  | { kind: 'text'; line: number; indent: number; text: string }
  /** A fenced code block's delimiter (`fence`) or content (`code`), or a line of an HTML comment. */
  | { kind: 'literal'; line: number; indent: number; text: string; role: 'fence' | 'code' | 'comment' };

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const ITEM = /^([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const FENCE = /^(`{3,}|~{3,})/;

function expandIndent(raw: string): { indent: number; rest: string } {
  let indent = 0;
  let i = 0;
  for (; i < raw.length; i++) {
    if (raw[i] === ' ') indent++;
    else if (raw[i] === '\t') indent += 4 - (indent % 4);
    else break;
  }
  return { indent, rest: raw.slice(i) };
}

export function classifyLines(text: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  rawLines.forEach((raw, i) => {
    const line = i + 1;
    const { indent, rest } = expandIndent(raw);
    if (fence) {
      const close = FENCE.exec(rest);
      const closes = close !== null && close[1]![0] === fence.char && close[1]!.length >= fence.length && rest.slice(close[1]!.length).trim() === '';
      if (closes) fence = undefined;
      out.push({ kind: 'literal', line, indent, text: rest, role: closes ? 'fence' : 'code' });
      return;
    }
    if (inComment) {
      if (rest.includes('-->')) inComment = false;
      out.push({ kind: 'literal', line, indent, text: rest, role: 'comment' });
      return;
    }
    if (rest === '') {
      out.push({ kind: 'blank', line });
      return;
    }
    const open = FENCE.exec(rest);
    // A backtick fence's info string may not contain a backtick; otherwise it is inline code.
    if (open && !(open[1]![0] === '`' && rest.slice(open[1]!.length).includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      out.push({ kind: 'literal', line, indent, text: rest, role: 'fence' });
      return;
    }
    if (rest.startsWith('<!--')) {
      inComment = !rest.includes('-->', 4);
      out.push({ kind: 'literal', line, indent, text: rest, role: 'comment' });
      return;
    }
    const heading = indent <= 3 ? HEADING.exec(rest) : null;
    if (heading) {
      out.push({ kind: 'heading', line, level: heading[1]!.length, text: (heading[2] ?? '').replace(/[ \t]+#+$/, '').trim() });
      return;
    }
    const item = ITEM.exec(rest);
    if (item) {
      out.push({ kind: 'item', line, indent, bullet: item[1]!, content: (item[2] ?? '').trim() });
      return;
    }
    out.push({ kind: 'text', line, indent, text: rest.trim() });
  });
  return out;
}
