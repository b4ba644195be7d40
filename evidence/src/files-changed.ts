import type { MarkdownLine } from '../../core/src/tasks/markdown-lines.js';
import { bareText } from './placeholders.js';

export interface ListedPath {
  path: string;
  line: number;
}

/** A path: a `/` or `\` (Windows) in it, or a file extension at its end; never a URL. */
const LOOKS_LIKE_PATH = /^(?![a-z][a-z0-9+.-]*:\/\/)[^\s*?<>|"]*([\\/]|\.[A-Za-z0-9]{1,10}$)[^\s*?<>|"]*$/;
const DELETED = /\b(deleted|removed)\b/i;

/**
 * The paths a Files Changed section lists: each code span that looks like a path, else the first
 * word of a list item. A line that says the file was deleted or removed is not checked.
 */
export function listedPaths(body: readonly MarkdownLine[]): ListedPath[] {
  const out: ListedPath[] = [];
  for (const l of body) {
    if (l.kind !== 'item' && l.kind !== 'text' && !(l.kind === 'literal' && l.role === 'code')) continue;
    const text = bareText(l);
    if (text === '' || DELETED.test(text)) continue;
    const spans = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim());
    const candidates = spans.length ? spans : [text.split(/\s+/)[0]!.replace(/[,;:]+$/, '')];
    for (const c of candidates) if (LOOKS_LIKE_PATH.test(c)) out.push({ path: c, line: l.line });
  }
  return out;
}
