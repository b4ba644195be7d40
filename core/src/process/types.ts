import type { Redactor } from '../redact.js';
import type { PidFileSpec } from './pid-file.js';

/** What the supervisor is told about a process, and what it reports when it ends one. */
export interface SuperviseSpec {
  /** A program (`node` means this Node), or with `shell` a command line for the system shell. */
  command: string;
  args?: readonly string[];
  shell?: boolean;
  /** Added to cutover's own environment (which the process inherits). */
  env?: Record<string, string>;
  /** Names taken out of the inherited environment. */
  unsetEnv?: readonly string[];
  cwd: string;
  /** A stdio target speaks on stdin; everything else gets none. */
  stdin?: 'pipe' | 'ignore';
  /** How the process is named in messages: "old path (stdio): node x.js". */
  label: string;
  redactor: Redactor;
  /** Files that hold secrets (a daemon's token): read as soon as they exist, and registered. */
  secretFiles?: readonly string[];
  /** A file for the whole stderr (named once the pid is known), redacted line by line, held back until `release()`. */
  logFile?: (pid: number | undefined) => string;
  /** Characters of output kept for messages and evidence (default 256 KiB per tail). */
  tailLimit?: number;
  /**
   * `raw`: the caller reads stdout itself (a protocol spoken on it) and nothing else touches it,
   * so no byte is taken before the caller is ready and none is copied. Default `capture`.
   */
  stdout?: 'capture' | 'raw';
  /**
   * PID files the process or a daemon it forks writes: the process one names belongs to the tree
   * (also when it cleared its environment and left the group), if it started no earlier than this one.
   */
  pidFiles?: readonly PidFileSpec[];
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopReport {
  /** What ended it: it had already exited, the first signal, or SIGKILL after the grace time. */
  endedBy: 'exited' | NodeJS.Signals;
  exit: ExitInfo | undefined;
  /** Descendants that were still running and were ended with it. */
  descendants: number;
  /** Processes still alive after SIGKILL ("pid 42: sleep 3600"): a leak to report. */
  leftovers: string[];
}
