import { leadingId } from './markdown-id.js';

/**
 * One checklist item's text after its bullet, as the seed runbooks write it:
 *   [ ] `P0-T001` (`WS-ARCH`) Capture current command contract baseline …
 *   [x] `agent_get_bootstrap_state` implemented and documented.   (no id: the code span is not one)
 * and as other teams do: **PAY-5**, [PAY-6], PAY-7:, [PAY-80](link), ~~`PAY-72`~~, ✅ `PAY-71`
 * (see `leadingId`). A title whose first word matches the id pattern starts with an id when
 * `isBareId` says so (the list's other ids share its prefix).
 */
export type ChecklistItem =
  | { kind: 'none' }
  | { kind: 'malformed'; message: string; hint: string }
  /** `unconfirmed`: the title's first word matches the id pattern but was not taken as an id (see `bareIdRule`). */
  | { kind: 'task'; marker: string; id: string | undefined; owner: string | undefined; title: string; unconfirmed?: string };

export const DEFAULT_ID_PATTERN = '^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$';

const CHECKBOX = /^\[([^\]])\](?:[ \t]+(.*))?$/;
// Brackets that look like a checkbox typed wrong: `[]`, `[ x]`, `[x]text`. A link `[text](url)` is not one.
const BROKEN_CHECKBOX = /^\[[ xX!\-~?*/]{0,3}\](?!\()/;
const FORMAT = 'write it as "- [ ] `ID` (`OWNER`) title" (id and owner optional), with one status character between the brackets';

export function parseChecklistItem(content: string, idPattern: RegExp, isBareId: (id: string) => boolean = () => true): ChecklistItem {
  if (!content.startsWith('[')) return { kind: 'none' };
  const box = CHECKBOX.exec(content);
  if (!box) {
    const brackets = content.slice(0, content.indexOf(']') + 1);
    if (/^\[[^\]]\]/.test(content)) return { kind: 'malformed', message: `checkbox ${brackets} is not followed by a space`, hint: FORMAT };
    if (BROKEN_CHECKBOX.test(content)) return { kind: 'malformed', message: `checkbox "${brackets}" does not hold exactly one status character`, hint: FORMAT };
    // "[done] `P0-T010` …": brackets before a task id are a status written the wrong way, not a link.
    const beforeId = /^\[[^\]]*\](?!\()\s*`([^`]+)`/.exec(content);
    if (beforeId && idPattern.test(beforeId[1]!.trim())) {
      return { kind: 'malformed', message: `"${brackets}" before task ${beforeId[1]!.trim()} is not a checkbox`, hint: FORMAT };
    }
    return { kind: 'none' };
  }
  const marker = `[${box[1]!}]`;
  let rest = (box[2] ?? '').trim();
  if (rest === '') return { kind: 'malformed', message: 'checklist item has no text', hint: FORMAT };

  let id: string | undefined;
  const lead = leadingId(rest, idPattern);
  if (lead.kind === 'malformed') return { kind: 'malformed', message: lead.message, hint: FORMAT };
  if (lead.kind === 'id' && lead.bare && !isBareId(lead.id)) return { kind: 'task', marker, id: undefined, owner: undefined, title: rest, unconfirmed: lead.id };
  if (lead.kind === 'id') {
    id = lead.id;
    rest = lead.rest;
  }

  let owner: string | undefined;
  if (id !== undefined && rest.startsWith('(')) {
    const own = /^\(\s*(`?)([^`()]+?)\1\s*\)/.exec(rest);
    if (!own) return { kind: 'malformed', message: `owner after task id ${id} is not "(\`OWNER\`)"`, hint: FORMAT };
    owner = own[2]!.trim();
    rest = rest.slice(own[0].length).trimStart().replace(/^[:\-–—]\s+/, '').trim();
  }
  if (id !== undefined && rest === '') return { kind: 'malformed', message: `task ${id} has no title`, hint: FORMAT };
  return { kind: 'task', marker, id, owner, title: rest };
}
