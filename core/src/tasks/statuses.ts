import type { TaskStatus } from './types.js';

export const TASK_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'blocked', 'in_review', 'done'];

/** The checklist markers the seed runbooks define in their status legend. */
export const MARKDOWN_STATUSES: Readonly<Record<string, TaskStatus>> = {
  '[ ]': 'not_started',
  '[-]': 'in_progress',
  '[x]': 'done',
  '[X]': 'done',
  '[!]': 'blocked',
};

/** A ledger's locked vocabulary, unless the config maps its own words onto it. */
export const LEDGER_STATUSES: Readonly<Record<string, TaskStatus>> = Object.fromEntries(TASK_STATUSES.map((s) => [s, s]));

/**
 * The status a task with an unknown marker is given. Open, so a typo can never make a task look
 * done; the unknown-status finding is what tells the user.
 */
export const UNKNOWN_STATUS_FALLBACK: TaskStatus = 'not_started';

export function vocabulary(configured: Record<string, TaskStatus | undefined> | undefined, fallback: Readonly<Record<string, TaskStatus>>): Map<string, TaskStatus> {
  const entries = Object.entries(configured ?? fallback).filter((e): e is [string, TaskStatus] => e[1] !== undefined);
  return new Map(entries);
}
