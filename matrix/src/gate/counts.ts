import type { Task, TaskStatus } from '../../../core/src/tasks/types.js';

export type StatusCounts = Record<TaskStatus, number> & { total: number };

export interface TaskCounts {
  total: StatusCounts;
  byPhase: Array<{ name: string } & StatusCounts>;
  byOwner: Array<{ name: string } & StatusCounts>;
}

const empty = (): StatusCounts => ({ total: 0, not_started: 0, in_progress: 0, blocked: 0, in_review: 0, done: 0 });

export const NO_PHASE = '(no phase)';
export const NO_OWNER = '(no owner)';

/** Task counts by status, per phase (in the order phases first appear) and per owner (by name). */
export function countTasks(tasks: ReadonlyArray<Pick<Task, 'status' | 'phase' | 'owner'>>): TaskCounts {
  const total = empty();
  const phases = new Map<string, StatusCounts>();
  const owners = new Map<string, StatusCounts>();
  const add = (map: Map<string, StatusCounts>, key: string, status: TaskStatus) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = empty()));
    c.total++;
    c[status]++;
  };
  for (const t of tasks) {
    add(phases, t.phase ?? NO_PHASE, t.status);
    add(owners, t.owner ?? NO_OWNER, t.status);
    total.total++;
    total[t.status]++;
  }
  return {
    total,
    byPhase: [...phases].map(([name, c]) => ({ name, ...c })),
    byOwner: [...owners].map(([name, c]) => ({ name, ...c })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
