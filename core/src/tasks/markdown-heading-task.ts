import { leadingId } from './markdown-id.js';
import type { Task } from './types.js';

/**
 * A heading that names a task (`### PAY-17 Heading task (\`OPS\`)`) and the checkboxes without an
 * id right under it, which are its steps. It is a task when it has steps: done when every one is,
 * blocked when one is, not started while none has started, in review when the rest are done,
 * otherwise in progress. Its steps are sub-tasks, with its owner unless they name one.
 */
export interface HeadingTask {
  task: Task;
  level: number;
  steps: Task[];
  /** Checkboxes with ids of their own under it: it groups tasks, and is not one. */
  groups: number;
}

const OWNER_FIRST = /^\(\s*(`?)([^`()]+?)\1\s*\)\s*(?:[:\-–—]\s+)?/;
const OWNER_LAST = /\s*\(\s*`([^`()]+)`\s*\)\s*$/;

export function headingTask(file: string, line: number, level: number, text: string, idPattern: RegExp, isBareId: (id: string) => boolean, phase: string | undefined): HeadingTask | undefined {
  const lead = leadingId(text, idPattern);
  if (lead.kind !== 'id' || (lead.bare && !isBareId(lead.id))) return undefined;
  let title = lead.rest;
  let owner: string | undefined;
  const first = OWNER_FIRST.exec(title);
  const last = first ? null : OWNER_LAST.exec(title);
  if (first) {
    owner = first[2]!.trim();
    title = title.slice(first[0].length);
  } else if (last) {
    owner = last[1]!.trim();
    title = title.slice(0, last.index);
  }
  const task: Task = {
    id: lead.id,
    title: title.trim() || lead.id,
    status: 'not_started',
    rawStatus: 'heading',
    ...(owner !== undefined ? { owner } : {}),
    ...(phase !== undefined ? { phase } : {}),
    file,
    line,
  };
  return { task, level, steps: [], groups: 0 };
}

export function settleHeadingTask(h: HeadingTask): void {
  const { steps, task } = h;
  const n = (s: Task['status']) => steps.filter((t) => t.status === s).length;
  const done = n('done');
  task.status =
    done === steps.length ? 'done'
    : n('blocked') > 0 ? 'blocked'
    : n('not_started') === steps.length ? 'not_started'
    : done + n('in_review') === steps.length ? 'in_review'
    : 'in_progress';
  task.rawStatus = `heading: ${done} of ${steps.length} checkbox${steps.length === 1 ? '' : 'es'} done`;
}
