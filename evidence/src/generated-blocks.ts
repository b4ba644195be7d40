import type { ResolvedSection, EvidenceSettings } from './config.js';
import { findSection, parseEvidence, sectionEndAfter } from './document.js';
import { isEmptyBody } from './placeholders.js';

/**
 * Machine-written parts of an evidence file sit between marker comments:
 *   <!-- cutover:generated verification-output (rewritten on every run; edit outside this block) -->
 *   …
 *   <!-- /cutover:generated verification-output -->
 * A run replaces what is between its markers and nothing else, so human-written text stays.
 */
export const startMarker = (key: string) => `<!-- cutover:generated ${key} (rewritten on every run; edit outside this block) -->`;
export const endMarker = (key: string) => `<!-- /cutover:generated ${key} -->`;

const isStart = (line: string, key: string) => line.trim().startsWith(`<!-- cutover:generated ${key} `) || line.trim() === `<!-- cutover:generated ${key} -->`;
const isEnd = (line: string, key: string) => line.trim() === endMarker(key);

/** Puts `content` into the section's generated block: replacing the block, else the placeholder body, else the section's top. */
export function upsertBlock(text: string, key: string, content: string, section: ResolvedSection, settings: EvidenceSettings): string {
  const lines = text.split('\n');
  const block = [startMarker(key), ...(content === '' ? [] : content.split('\n')), endMarker(key)];
  // Read against the configured sections (and this one, when it is not configured): the same sections lint finds.
  const doc = parseEvidence(text, settings.sections.includes(section) ? settings.sections : [...settings.sections, section]);
  const found = findSection(doc, section);

  const start = lines.findIndex((l) => isStart(l, key));
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && isEnd(l, key));
    // An end marker deleted by hand: the block runs to the end of its section.
    if (end < 0) end = sectionEndAfter(doc, start + 1) - 2;
    return [...lines.slice(0, start), ...block, ...lines.slice(end + 1)].join('\n');
  }
  if (found) {
    const bodyStart = found.endLine; // 0-based index of the line after the heading (after a setext heading's underline)
    const bodyEnd = found.end - 1; // 0-based index of the heading that ends the section
    if (isEmptyBody(found.body, settings.placeholders)) {
      return [...lines.slice(0, bodyStart), '', ...block, '', ...lines.slice(bodyEnd)].join('\n');
    }
    return [...lines.slice(0, bodyStart), '', ...block, ...lines.slice(bodyStart)].join('\n');
  }
  // No such section: add it before the next configured section that the file has, else at the end.
  const order = settings.sections.indexOf(section);
  const next = settings.sections
    .slice(order + 1)
    .map((s) => findSection(doc, s))
    .find((s) => s !== undefined);
  const level = next?.level ?? 2;
  const added = [`${'#'.repeat(level)} ${section.name}`, '', ...block, ''];
  if (next) return [...lines.slice(0, next.line - 1), ...added, ...lines.slice(next.line - 1)].join('\n');
  const trimmed = [...lines];
  while (trimmed.length && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return [...trimmed, '', ...added].join('\n');
}
