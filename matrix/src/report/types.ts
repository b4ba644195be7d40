import type { Finding } from '../../../core/src/findings.js';
import type { RunRecord } from '../checks/types.js';
import type { Area, OsName } from '../matrix-file/types.js';

/**
 * passed / failed / error: the cell ran. not_applicable: declared so in the matrix file.
 * skipped: not run by this report (another OS, another shard, filtered out): the gate counts a
 * required skipped cell as missing, never as passed.
 */
export type CellStatus = 'passed' | 'failed' | 'error' | 'inconclusive' | 'not_applicable' | 'skipped';

export interface CellResult {
  row: string;
  title: string;
  area: Area;
  tasks: string[];
  os: OsName;
  mode: string;
  required: boolean;
  status: CellStatus;
  /** Why it did not run, or the check's one-line outcome. */
  message: string;
  kind: string;
  /** The run that produced this result; the evidence it wrote carries the same id. */
  runId?: string;
  durationMs?: number;
  runs?: RunRecord[];
  findings?: Finding[];
  metrics?: Record<string, number>;
}

/** Ties a report to the tree it ran on (see report/commit.ts). */
export interface CommitState {
  /** HEAD at the time of the run; null when the project is not in a git work tree. */
  sha: string | null;
  /** Whether files the checks depend on had uncommitted changes. */
  dirty: boolean;
  /** sha256 over every file the checks may depend on, with its content's blob id (null outside git). */
  fingerprint: string | null;
  /** How the fingerprint was made; a report without it comes from an older cutover. */
  scheme?: string;
  /** Uncommitted changes among those files (repo-relative, POSIX), for messages; capped. */
  changed: string[];
  /** Every uncommitted change among them with its blob id ("deleted"), so the gate can name what changed since. */
  entries?: Array<{ file: string; blob: string }>;
  /** Paths left out of the fingerprint: task lists, sign-offs, evidence, cutover's own outputs. */
  excluded: string[];
  /** Why sha is null. */
  reason?: string;
}

export interface ShardInfo {
  index: number;
  total: number;
}

export interface MatrixReport {
  format: 'cutover-matrix-report';
  version: 1;
  /** Matrix file, relative to the config folder, and the sha256 of its text. */
  matrix: { file: string; hash: string };
  commit: CommitState;
  createdAt: string;
  cutoverVersion: string;
  /** Where it ran: one entry per merged shard (one for a plain run). */
  runs: Array<{ os: OsName; arch: string; node: string; shard?: ShardInfo; filter?: string[]; createdAt: string }>;
  cells: CellResult[];
  /** Cells per status; inconclusive only when there is one (reports from before it have none). */
  summary: Record<Exclude<CellStatus, 'inconclusive'>, number> & { inconclusive?: number };
}
