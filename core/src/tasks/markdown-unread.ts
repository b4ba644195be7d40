import type { Finding } from '../findings.js';
import type { TaskLikeLine } from './markdown-task-like.js';
import { taskFinding } from './task-finding.js';
import type { Task } from './types.js';

/**
 * A done checkbox without an id, not nested under a task, under a heading whose other tasks have
 * ids: most likely a task whose id was lost or never written, and it would need no evidence.
 * A heading whose checkboxes have no ids at all (the seeds' "Command and Event Additions
 * Checklist") is a checklist of its own and is not reported. A done checkbox whose first word
 * matches the id pattern but was not taken for one (`bareIdRule`) is reported wherever it is.
 */
export function idlessDone(file: string, tasks: readonly Task[], section: ReadonlyMap<Task, number>, unconfirmed: ReadonlyMap<Task, string>): Finding[] {
  const withIds = new Set(tasks.filter((t) => t.id !== undefined).map((t) => section.get(t)));
  const findings: Finding[] = [];
  for (const t of tasks) {
    if (t.id !== undefined || t.status !== 'done' || t.parent) continue;
    const word = unconfirmed.get(t);
    const title = `"${t.title.length > 70 ? `${t.title.slice(0, 67)}…` : t.title}" is marked ${t.rawStatus} but has no task id`;
    if (word !== undefined) {
      findings.push(
        taskFinding('task-no-id', file, t.line, `${title}: its first word ${word} matches the id pattern, but no other id in the list starts like it, so it is read as a title and no evidence is required`, `If ${word} is the task's id, write it as \`${word}\`; if it is not, narrow tasks.sources[].idPattern.`, { word }),
      );
    } else if (withIds.has(section.get(t))) {
      findings.push(taskFinding('task-no-id', file, t.line, `${title}, while the tasks around it have one: no evidence is required for it`, 'Write its id as the other tasks do (e.g. - [x] `ID` title); if it is not a task, move it out of the task list.'));
    }
  }
  return findings;
}

/**
 * Lines that look like tasks but are not checklist items: each is reported at its line, unless
 * the same id is read as a task in this list (a status summary table repeating the checklist).
 */
export function unreadTaskLike(file: string, lines: readonly TaskLikeLine[], tasks: readonly Task[]): Finding[] {
  const read = new Set(tasks.map((t) => t.id).filter((id) => id !== undefined));
  return lines
    .filter((l) => !read.has(l.id))
    .sort((a, b) => a.line - b.line)
    .map((l) =>
      taskFinding('task-unread', file, l.line, `${l.id} looks like a task (${l.what}) but is not read as one: the gate does not know its status`, 'Write it as a checklist item (- [ ] `ID` title, [x] when done) so the gate reads it, or keep the task in a ledger (tasks.sources, csv or json).', { taskId: l.id }),
    );
}
