import { findingIds } from '../../finding-ids.js';
import { reason } from '../reason.js';
import type { GateRule } from '../types.js';

/** Every done task has an evidence file with every required section filled (the evidence linter decides). */
export const evidenceRule: GateRule = {
  id: 'evidence',
  category: 'evidence',
  description: 'Every done task has valid evidence: the file exists, names the task, and has the required sections with content.',
  async run({ loaded, inputs }) {
    if (!(loaded.config.tasks?.sources ?? []).length) return { reasons: [], skipped: 'no task list configured (reported by task-lists)' };
    const { findings } = await inputs.evidence();
    const reasons = findings.map((f) => {
      const blocking = f.severity === 'error';
      return reason(this.id, this.category, blocking ? findingIds['gate-evidence-invalid'].id : f.id, f.message, {
        root: loaded.dir,
        severity: blocking ? 'error' : 'warning',
        ...(f.file !== undefined ? { file: f.file } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
        hint: f.hint ?? 'Fix the evidence file; `cutover evidence lint` shows every problem.',
        data: { ...(f.data ?? {}), finding: f.id },
      });
    });
    // Evidence is filed by task id: a done task without one has none to check, and the note says so.
    const done = (await inputs.tasks()).tasks.filter((t) => t.status === 'done');
    const withId = new Set(done.flatMap((t) => (t.id !== undefined ? [t.id] : []))).size;
    const idless = done.filter((t) => t.id === undefined).length;
    return { reasons, note: `evidence of ${withId} done task(s) checked${idless ? `; ${idless} done task(s) have no id, so no evidence is asked of them` : ''}` };
  },
};
