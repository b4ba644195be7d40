/**
 * Block-level line classification for markdown task lists: ATX headings, list items with their
 * indentation, fenced code and HTML comments (whose contents are never tasks), blank and text
 * lines, and blockquotes (`> - [ ] …`), whose lines are classified like any other with their
 * quote depth. Task lists are line-oriented; this is the part of CommonMark they rely on.
 * An indented code block (four or more spaces past the list item it is in, or past the margin
 * outside any list, after a blank line or a heading) is literal too: a checkbox in it is an
 * example, not a task. A list item nested four spaces under another is still a list item.
 */
export type MarkdownLine =
  | { kind: 'blank'; line: number; quote?: number }
  | { kind: 'heading'; line: number; level: number; text: string }
  | { kind: 'item'; line: number; indent: number; bullet: string; content: string; quote?: number }
  | { kind: 'text'; line: number; indent: number; text: string; quote?: number }
  /** A fenced code block's delimiter (`fence`) or content (`code`), or a line of an HTML comment. */
  | { kind: 'literal'; line: number; indent: number; text: string; role: 'fence' | 'code' | 'comment'; quote?: number };

/** Where an open list item's content starts (CommonMark: the bullet, then 1–4 spaces; 1 when more). */
function contentColumn(indent: number, bullet: string, afterBullet: string): number {
  const spaces = /^[ ]*/.exec(afterBullet)![0].length;
  return indent + bullet.length + (spaces >= 1 && spaces <= 4 && afterBullet.trim() !== '' ? spaces : 1);
}

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const ITEM = /^([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const FENCE = /^(`{3,}|~{3,})/;
const QUOTE_MARK = /^ {0,3}>[ ]?/;

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

/** `> > text` → depth 2, `text`. */
function unquote(raw: string): { depth: number; inner: string } {
  let depth = 0;
  let inner = raw;
  for (let m = QUOTE_MARK.exec(inner); m; m = QUOTE_MARK.exec(inner)) {
    depth++;
    inner = inner.slice(m[0].length);
  }
  return { depth, inner };
}

export function classifyLines(text: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let fence: { char: string; length: number; quote: number } | undefined;
  let comment: { quote: number } | undefined;
  // Content columns of the list items open here, innermost last; whether the last line was blank
  // (or a heading), after which an indented line may open a code block; whether one is open.
  let lists: number[] = [];
  let mayOpenCode = true;
  let inCode = false;
  let lastQuote = 0;
  rawLines.forEach((raw, i) => {
    const line = i + 1;
    const { depth, inner } = raw.includes('>') ? unquote(raw) : { depth: 0, inner: raw };
    const q = depth ? { quote: depth } : {};
    const { indent, rest } = expandIndent(inner);
    // A blockquote ends what it opened: a fence or comment opened inside it closes with it.
    if (fence && depth < fence.quote) fence = undefined;
    if (comment && depth < comment.quote) comment = undefined;
    if (fence) {
      const close = FENCE.exec(rest);
      const closes = close !== null && close[1]![0] === fence.char && close[1]!.length >= fence.length && rest.slice(close[1]!.length).trim() === '';
      if (closes) fence = undefined;
      out.push({ kind: 'literal', line, indent, text: rest, role: closes ? 'fence' : 'code', ...q });
      return;
    }
    if (comment) {
      if (rest.includes('-->')) comment = undefined;
      out.push({ kind: 'literal', line, indent, text: rest, role: 'comment', ...q });
      return;
    }
    if (depth !== lastQuote) {
      lists = [];
      inCode = false;
      mayOpenCode = true;
      lastQuote = depth;
    }
    if (rest === '') {
      out.push({ kind: 'blank', line, ...q });
      mayOpenCode = true;
      return;
    }
    if (mayOpenCode || inCode) {
      // After a blank line, a line ends the list items it is not indented into.
      while (lists.length && indent < lists.at(-1)!) lists.pop();
      const margin = lists.at(-1) ?? 0;
      inCode = indent >= margin + 4;
      if (inCode) {
        out.push({ kind: 'literal', line, indent, text: rest, role: 'code', ...q });
        return;
      }
    }
    mayOpenCode = false;
    const open = FENCE.exec(rest);
    // A backtick fence's info string may not contain a backtick; otherwise it is inline code.
    if (open && !(open[1]![0] === '`' && rest.slice(open[1]!.length).includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length, quote: depth };
      out.push({ kind: 'literal', line, indent, text: rest, role: 'fence', ...q });
      return;
    }
    if (rest.startsWith('<!--')) {
      if (!rest.includes('-->', 4)) comment = { quote: depth };
      out.push({ kind: 'literal', line, indent, text: rest, role: 'comment', ...q });
      return;
    }
    // A heading quoted from elsewhere is not a heading of this document: it stays text.
    const heading = indent <= 3 && depth === 0 ? HEADING.exec(rest) : null;
    if (heading) {
      out.push({ kind: 'heading', line, level: heading[1]!.length, text: (heading[2] ?? '').replace(/[ \t]+#+$/, '').trim() });
      lists = [];
      mayOpenCode = true;
      return;
    }
    const item = ITEM.exec(rest);
    if (item) {
      while (lists.length && indent < lists.at(-1)!) lists.pop();
      lists.push(contentColumn(indent, item[1]!, `${item[2] ?? ''}${item[3] ?? ''}`));
      out.push({ kind: 'item', line, indent, bullet: item[1]!, content: (item[3] ?? '').trim(), ...q });
      return;
    }
    out.push({ kind: 'text', line, indent, text: rest.trim(), ...q });
  });
  return out;
}
