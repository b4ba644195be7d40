import type { MarkdownLine } from '../../core/src/tasks/markdown-lines.js';
import { isThematicBreak } from './headings.js';

/** A line's words with list bullets, quote marks, emphasis and inline comments taken off. */
export function bareText(l: MarkdownLine): string {
  if (l.kind === 'item') return strip(l.content.replace(/^\[.\]\s*/, ''));
  if (l.kind === 'text') return strip(l.text);
  if (l.kind === 'literal' && l.role === 'code') return l.text.trim();
  return '';
}

function strip(s: string): string {
  return s
    .replace(/<!--.*?-->/g, '')
    .replace(/^(>\s*)+/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
}

/** A line of real content: not blank, not a comment or fence mark, not a heading or a thematic break (`---`, `***`), not a placeholder. */
export function isContent(l: MarkdownLine, placeholders: readonly RegExp[]): boolean {
  if (l.kind === 'blank' || l.kind === 'heading' || isThematicBreak(l)) return false;
  if (l.kind === 'literal' && l.role !== 'code') return false;
  const t = bareText(l);
  if (t === '' || /^\|?[\s:|-]*\|[\s:|-]*$/.test(t)) return false;
  return !placeholders.some((p) => p.test(t));
}

/** Empty means nothing but blank lines, comments, fences, sub-headings, thematic breaks and placeholder lines. */
export function isEmptyBody(body: readonly MarkdownLine[], placeholders: readonly RegExp[]): boolean {
  return !body.some((l) => isContent(l, placeholders));
}
