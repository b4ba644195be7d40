import type { LoadedConfig } from '../../../core/src/config/index.js';
import type { Finding } from '../../../core/src/findings.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { RunRecord } from '../../../core/src/run-record.js';
import type { CheckSpec, Cell, MatrixFile } from '../matrix-file/types.js';

/** inconclusive: it ran and had nothing to observe; never a pass. */
export type CheckStatus = 'passed' | 'failed' | 'error' | 'inconclusive';

export type { RunRecord };

export interface CheckOutcome {
  status: CheckStatus;
  /** One line: why it passed or failed. */
  message: string;
  runs: RunRecord[];
  findings: Finding[];
  /** Numbers worth keeping in the report (p50Ms, samples …). */
  metrics?: Record<string, number>;
}

export interface CheckContext {
  cell: Cell;
  matrix: MatrixFile;
  loaded: LoadedConfig;
  /** A fresh temp dir for this cell, removed after it. */
  tmp: string;
  /** Expands `{{tmp}}`, `{{os}}`, `{{mode}}`, `{{root}}`, `{{env.*}}`, `{{ready.*}}` in a value from the matrix file. */
  expand(value: string): string;
  /** The same for a command line run through the shell: every substituted value is quoted for it. */
  expandShell(value: string): string;
  /** The same with names a check binds itself (`extra` wins; `ready` in it replaces the row target's), quoted for the shell with `shell`. */
  expandWith(value: string, extra: Record<string, unknown>, shell?: boolean): string;
  /** The same inside a JSON value; a string that is exactly one reference keeps the value's type. */
  expandJson<T>(value: T, extra: Record<string, unknown>): T;
  /** Resolves a (expanded) path from the matrix file's folder. */
  resolve(value: string): string;
  redactor: Redactor;
  /** Aborted when the row's limit is reached; every wait must honour it. */
  signal: AbortSignal;
  /** Milliseconds left before the row's limit. */
  remainingMs(): number;
  progress(message: string): void;
}

/** A problem load-time validation finds, at a key path inside the check. */
export interface CheckProblem {
  path: Array<string | number>;
  message: string;
}

/** What a check kind's validation knows about the matrix file around it. */
export interface ValidationInput {
  targets: readonly string[];
  /** The row's own target, if it names one. */
  rowTarget: string | undefined;
}

/**
 * One kind of matrix check, one file under `checks/`. `schema` is the JSON Schema of the
 * kind's fields (beside `kind`), assembled into `schema/matrix.schema.json`.
 */
export interface CheckKind<S extends { kind: string } = CheckSpec> {
  kind: string;
  description: string;
  schema: Record<string, unknown>;
  /** Whether the kind needs a running target (the daemon) for its cells. */
  run(spec: S, ctx: CheckContext): Promise<CheckOutcome>;
  /** A one-line description of what the check does, for plans and evidence. */
  describe(spec: S): string;
  /** Problems the matrix file's schema cannot express, found when it is loaded (each with its file:line). */
  validate?(spec: S, input: ValidationInput): CheckProblem[];
}
