import type { Finding } from '../../../core/src/findings.js';
import { findingIds } from '../finding-ids.js';

type TaskFindingId = 'task-malformed' | 'task-duplicate-id' | 'task-unknown-status' | 'task-source-unreadable';

/** A task-source finding at file:line; severity comes from the declared id. */
export function taskFinding(
  id: TaskFindingId,
  file: string,
  line: number | undefined,
  message: string,
  hint?: string,
  data?: Record<string, unknown>,
): Finding {
  return {
    id,
    severity: findingIds[id].severity,
    file,
    ...(line === undefined ? {} : { line }),
    message,
    ...(hint ? { hint } : {}),
    ...(data ? { data } : {}),
  };
}
