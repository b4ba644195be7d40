import { headToken } from './markdown-id.js';
import type { MarkdownLine } from './markdown-lines.js';
import { isStatusToken, leadingStatus } from './status-words.js';

/** A line that looks like a task but is not a checklist item, so the markdown source does not read it. */
export interface TaskLikeLine {
  line: number;
  id: string;
  what: string;
}

function idOf(text: string, idPattern: RegExp): string | undefined {
  const h = headToken(text.trim());
  return h && idPattern.test(h.text) ? h.text : undefined;
}

/**
 * A status-table row (`| PAY-30 | In progress | SEC |`: a cell that is an id and a cell that is a
 * status word or emoji), or a bullet without a checkbox that gives a status and an id
 * (`- ✅ \`PAY-70\` …`, `- DONE PAY-75 …`, `- \`PAY-70\` ✅ …`). Lists of ids without a status
 * (`- \`WS-ARCH\`: Runtime …`) are not task-like.
 */
export function taskLikeLine(l: MarkdownLine, idPattern: RegExp): TaskLikeLine | undefined {
  if (l.kind === 'text' && l.text.includes('|')) {
    const cells = l.text.replace(/^\|/, '').replace(/\|$/, '').split('|');
    if (cells.length < 2) return undefined;
    const id = cells.map((c) => idOf(c, idPattern)).find((c) => c !== undefined);
    return id !== undefined && cells.some((c) => isStatusToken(c)) ? { line: l.line, id, what: 'a status-table row' } : undefined;
  }
  if (l.kind !== 'item') return undefined;
  const status = leadingStatus(l.content);
  if (status) {
    const id = idOf(status.rest, idPattern);
    return id !== undefined ? { line: l.line, id, what: 'a bullet with a status but no checkbox' } : undefined;
  }
  const h = headToken(l.content);
  if (h && idPattern.test(h.text) && isStatusToken(l.content.slice(h.length).replace(/^[\s:–—-]+/, '').split(/\s/)[0] ?? '')) {
    return { line: l.line, id: h.text, what: 'a bullet with a status but no checkbox' };
  }
  return undefined;
}
