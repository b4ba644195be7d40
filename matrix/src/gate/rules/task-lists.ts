import { findingIds } from '../../finding-ids.js';
import { reason } from '../reason.js';
import type { GateRule } from '../types.js';

/**
 * The task lists must exist, parse and each hold tasks (`task-source-empty` names a list that holds
 * none): the gate never passes on fewer tasks than written.
 */
export const taskListsRule: GateRule = {
  id: 'task-lists',
  category: 'inputs',
  description: 'Every configured task list is read and parsed, and each holds at least one task.',
  async run({ loaded, inputs }) {
    const root = loaded.dir;
    const sources = loaded.config.tasks?.sources ?? [];
    if (sources.length === 0) {
      return {
        reasons: [
          reason(this.id, this.category, findingIds['gate-input-unreadable'].id, 'no task list is configured, so nothing says the migration is complete', {
            root,
            file: loaded.file,
            hint: 'Add `tasks: { sources: [{ path: "RUNBOOK.md" }] }` to the config.',
          }),
        ],
      };
    }
    const { tasks, findings } = await inputs.tasks();
    const reasons = findings.map((f) =>
      reason(this.id, this.category, f.id, f.message, {
        root,
        severity: f.severity === 'error' ? 'error' : 'warning',
        ...(f.file !== undefined ? { file: f.file } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
        hint: f.hint ?? 'Fix the task list so every task reads cleanly.',
      }),
    );
    return { reasons, note: `${tasks.length} task(s) from ${sources.length} list(s)` };
  },
};
