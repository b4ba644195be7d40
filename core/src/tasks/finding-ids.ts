import { defineFindings } from '../findings.js';

/** Every finding id the task sources report (the task lists the evidence linter and the gate read). */
export const findingIds = defineFindings({
  'task-malformed': { severity: 'error', description: 'A task line does not follow the task-list format.' },
  'task-duplicate-id': { severity: 'error', description: 'Two tasks share one id.' },
  'task-unknown-status': { severity: 'error', description: 'A task status outside the configured vocabulary.' },
  'task-source-unreadable': { severity: 'error', description: 'A task list could not be read or parsed.' },
  'task-source-empty': { severity: 'error', description: 'A configured task list holds no task (a wiped file, a ledger cut to its header).' },
  'task-no-id': { severity: 'warning', description: 'A task marked done has no id, under a heading whose other tasks have ids: it needs no evidence, so check it is meant to have none.' },
  'task-unread': { severity: 'warning', description: 'A line looks like a task (an id with a status: a status-table row, a bullet without a checkbox, a heading with no checkbox under it) but is not one the list format reads.' },
  'task-subtask-open': { severity: 'error', description: 'A task is marked done while a checkbox nested under it is not: it counts as in progress.' },
});
