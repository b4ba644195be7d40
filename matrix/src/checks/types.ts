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
  /** Expands `{{tmp}}`, `{{os}}`, `{{mode}}`, `{{root}}`, `{{ready.*}}` in a value from the matrix file. */
  expand(value: string): string;
  /** The same for a command line run through the shell: every substituted value is quoted for it. */
  expandShell(value: string): string;
  /** Resolves a (expanded) path from the matrix file's folder. */
  resolve(value: string): string;
  redactor: Redactor;
  /** Aborted when the row's limit is reached; every wait must honour it. */
  signal: AbortSignal;
  /** Milliseconds left before the row's limit. */
  remainingMs(): number;
  progress(message: string): void;
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
}
