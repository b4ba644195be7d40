import type { MarkdownLine } from '../../core/src/tasks/markdown-lines.js';

/** A heading of an evidence file: ATX (`## Name`) on one line, or setext (a paragraph underlined with `===`/`---`). */
export interface DocHeading {
  level: number;
  text: string;
  /** 1-based line where the heading starts (a setext heading's first text line). */
  line: number;
  /** 1-based line where it ends (its own line, or a setext heading's underline). */
  endLine: number;
}

const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A thematic break (`---`, `***`, `___`, `- - -`): a rule across the page, never content. */
export function isThematicBreak(l: MarkdownLine): boolean {
  if (l.kind === 'text') return l.indent <= 3 && BREAK.test(l.text);
  if (l.kind === 'item') return l.indent <= 3 && BREAK.test(`${l.bullet} ${l.content}`);
  return false;
}

const isParagraphLine = (l: MarkdownLine | undefined): l is Extract<MarkdownLine, { kind: 'text' }> => l?.kind === 'text' && l.quote === undefined && !isThematicBreak(l);

/**
 * The headings of a classified document, setext ones included, and the lines with every line of a
 * setext heading (its text and its underline) turned into a heading line, so no section counts
 * them as content. Following CommonMark, the underline must follow a paragraph directly (after a
 * blank line `---` is a thematic break) and a paragraph continuing a list item is no heading. A
 * `---` underline also reads as a rule under a paragraph, so it makes a heading only where one is
 * meant: its text names a section (`isSectionName`), or it comes before every other heading (a
 * title); "None known." above a `---` stays the section's content. `===` always makes a heading.
 */
export function withSetextHeadings(classified: readonly MarkdownLine[], raw: readonly string[], isSectionName: (text: string) => boolean): { lines: MarkdownLine[]; headings: DocHeading[] } {
  const lines = [...classified];
  const headings: DocHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'heading') {
      headings.push({ level: l.level, text: l.text, line: l.line, endLine: l.line });
      continue;
    }
    const under = (l.kind === 'text' || l.kind === 'item') && l.quote === undefined ? UNDERLINE.exec(raw[i] ?? '') : null;
    if (!under || !isParagraphLine(lines[i - 1])) continue;
    let first = i - 1;
    while (isParagraphLine(lines[first - 1])) first--;
    if (lines[first - 1]?.kind === 'item') continue; // a lazy continuation of a list item
    const text = lines
      .slice(first, i)
      .map((p) => (p as Extract<MarkdownLine, { kind: 'text' }>).text)
      .join(' ')
      .replace(/[ \t]+/g, ' ')
      .trim();
    const level = under[1]![0] === '=' ? 1 : 2;
    if (level === 2 && headings.length > 0 && !isSectionName(text)) continue;
    const heading: DocHeading = { level, text, line: lines[first]!.line, endLine: l.line };
    for (let k = first; k <= i; k++) lines[k] = { kind: 'heading', line: lines[k]!.line, level, text };
    headings.push(heading);
  }
  return { lines, headings };
}
