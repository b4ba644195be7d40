import { locatedFindingMaker, type Finding } from '../findings.js';
import { findingIds } from './finding-ids.js';

type TaskFindingId = keyof typeof findingIds;

/** A task-source finding at file:line; severity comes from the declared id. */
export const taskFinding: (id: TaskFindingId, file: string, line: number | undefined, message: string, hint?: string, data?: Record<string, unknown>) => Finding =
  locatedFindingMaker(findingIds);
