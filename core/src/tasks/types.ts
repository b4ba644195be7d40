import type { Finding } from '../findings.js';

/** The locked vocabulary every task source maps its statuses onto. */
export type TaskStatus = 'not_started' | 'in_progress' | 'blocked' | 'in_review' | 'done';

export interface Task {
  /** `P0-T001`, `INT-G-001`; undefined for checklist items without an id. */
  id: string | undefined;
  title: string;
  status: TaskStatus;
  /** As written in the source: `[x]`, `in_review`. */
  rawStatus: string;
  /** `WS-ARCH`, `ARCH`. */
  owner?: string;
  /** The heading it sits under: `Phase 0 - Contract Freeze and Pre-Migration Hardening`. */
  phase?: string;
  /** Nested bullets: Files, Verification, Scope … as written. */
  details?: Record<string, string[]>;
  /** An evidence path a ledger names explicitly: resolved (absolute), and as written (`evidenceRef`). */
  evidenceFile?: string;
  evidenceRef?: string;
  /** The task a sub-task is nested under (its id, or none, and its line). */
  parent?: { id: string | undefined; line: number };
  /** Set on a task marked done whose sub-tasks are not all done: it counts as in progress. */
  openSubtasks?: string[];
  /** Absolute path of the source file, and the 1-based line of the task. */
  file: string;
  line: number;
}

/** A line a source read and judged not to be a task (a status legend entry), so a list without tasks can say what it held. */
export interface SkippedLine {
  line: number;
  what: string;
}

export interface TaskSourceResult {
  tasks: Task[];
  findings: Finding[];
  skipped?: SkippedLine[];
}

/** One task-list format (markdown checklist, csv ledger, json ledger): one file under `sources/`. */
export interface TaskSource {
  id: string;
  description: string;
  /** Whether this source reads the given file (by extension or configured format). */
  matches(file: string, format?: string): boolean;
  parse(file: string, text: string, options: Record<string, unknown>): TaskSourceResult;
}
