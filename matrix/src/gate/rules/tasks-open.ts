import { findingIds } from '../../finding-ids.js';
import { reason } from '../reason.js';
import type { GateRule } from '../types.js';

const WORDS = { not_started: 'not started', in_progress: 'in progress', blocked: 'blocked', in_review: 'in review', done: 'done' } as const;

/** Every task is done: not started, in progress, in review and blocked all hold the release. */
export const tasksOpenRule: GateRule = {
  id: 'tasks-open',
  category: 'tasks',
  description: 'Every task in the task lists is done.',
  async run({ loaded, inputs }) {
    if (!(loaded.config.tasks?.sources ?? []).length) return { reasons: [], skipped: 'no task list configured (reported by task-lists)' };
    const { tasks } = await inputs.tasks();
    // A parent ticked over open sub-tasks is reported once, by task-lists (task-subtask-open).
    const open = tasks.filter((t) => t.status !== 'done' && !t.openSubtasks);
    const reasons = open.map((t) => {
      const who = [t.owner, t.phase].filter(Boolean).join(', ');
      const name = t.id ?? `"${t.title.length > 70 ? `${t.title.slice(0, 67)}…` : t.title}"`;
      return reason(this.id, this.category, findingIds['gate-task-open'].id, `${name} is ${WORDS[t.status]} (${t.rawStatus})${who ? ` — ${who}` : ''}`, {
        root: loaded.dir,
        file: t.file,
        line: t.line,
        hint: t.status === 'blocked' ? 'Unblock it, finish it, verify it, then mark it [x].' : 'Finish and verify the task, write its evidence, then mark it done.',
        data: { taskId: t.id, status: t.status, owner: t.owner, phase: t.phase, title: t.title },
      });
    });
    const done = tasks.filter((t) => t.status === 'done').length;
    return { reasons, note: `${done} of ${tasks.length} task(s) done` };
  },
};
