/** The validation matrix as written in `cutover.matrix.yaml` (format: `schema/matrix.schema.json`). */
export const OS_VALUES = ['linux', 'macos', 'windows'] as const;
export type OsName = (typeof OS_VALUES)[number];

export const AREAS = ['lifecycle', 'reconnect', 'persistence', 'continuity', 'remote', 'ux', 'performance', 'security'] as const;
export type Area = (typeof AREAS)[number];

/** A check as written: `kind` picks the check kind, the other fields are that kind's. */
export interface CheckSpec {
  kind: string;
  [field: string]: unknown;
}

export interface NotApplicable {
  os?: OsName;
  mode?: string;
  reason: string;
}

/** A process a check needs running (the daemon under test), started fresh for each cell. */
export interface TargetSpec {
  command: string[];
  cwd?: string;
  env?: Record<string, string>;
  ready?: { stdout?: string; file?: string; connect?: string; timeoutMs?: number };
  /** Files whose contents are secrets (a token file): scrubbed from every output. */
  secretFiles?: string[];
  stopTimeoutMs?: number;
  /** The command starts the daemon in the background and exits 0 (`mytool daemon start`). */
  forks?: boolean;
  /** Where the daemon writes its pid: the process it names belongs to the target. */
  pidFile?: { path: string; field?: string };
}

export interface MatrixRow {
  id: string;
  title: string;
  area: Area;
  tasks: string[];
  required: boolean;
  timeoutMs: number;
  target?: string;
  notApplicable: NotApplicable[];
  check: CheckSpec;
  /** 1-based line of the row in the matrix file. */
  line: number;
}

export interface MatrixFile {
  /** Absolute path. */
  file: string;
  /** Its folder: commands run here and relative paths resolve from here. */
  dir: string;
  /** sha256 of the file's text, so a report names the exact matrix it ran. */
  hash: string;
  dimensions: { os: OsName[]; mode: string[] };
  targets: Record<string, TargetSpec>;
  rows: MatrixRow[];
}

/** One cell of the grid: a row on one operating system in one service mode. */
export interface Cell {
  row: MatrixRow;
  os: OsName;
  mode: string;
  /** The declared reason, when the cell is not applicable. */
  notApplicable?: string;
}

export function cellKey(row: string, os: string, mode: string): string {
  return `${row}|${os}|${mode}`;
}
