/**
 * The few exceptions cutover throws. Everything else (drift, failed checks, a BLOCK)
 * is returned as data. Only the CLI entry maps these to exit codes.
 */
export type ErrorCode = 'usage' | 'config' | 'transport' | 'internal' | 'cancelled';

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  target: 3,
  /** 128 + the signal's number, as shells report a process ended by it. */
  sigint: 130,
  sigterm: 143,
} as const;

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export abstract class CutoverError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly exitCode: number;
  /** What the user can do about it; printed under the message. */
  readonly hint: string | undefined;
  readonly location: ErrorLocation | undefined;
  /** Extra lines (one per problem) for errors that carry several problems at once. */
  readonly details: readonly string[];

  constructor(message: string, opts: { hint?: string; location?: ErrorLocation; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.hint = opts.hint;
    this.location = opts.location;
    this.details = opts.details ?? [];
  }
}

/** Bad arguments, unknown verb, missing required option. Exit 2. */
export class UsageError extends CutoverError {
  readonly code = 'usage' as const;
  readonly exitCode = EXIT.usage;
}

/** Invalid or missing config, or invalid input file (trace, matrix, task list). Exit 2. */
export class ConfigError extends CutoverError {
  readonly code = 'config' as const;
  readonly exitCode = EXIT.usage;
}

/** The target or the environment failed: would not start, crashed, timed out. Exit 3. */
export class TransportError extends CutoverError {
  readonly code = 'transport' as const;
  readonly exitCode = EXIT.target;
  /** Tail of the target's stderr, when there is one. */
  readonly stderrTail: string | undefined;
  constructor(message: string, opts: ConstructorParameters<typeof CutoverError>[1] & { stderrTail?: string } = {}) {
    super(message, opts);
    this.stderrTail = opts.stderrTail;
  }
}

/** A bug in cutover itself. Exit 3, and the message asks for a report. */
export class InternalError extends CutoverError {
  readonly code = 'internal' as const;
  readonly exitCode = EXIT.target;
}

/** The run was interrupted (SIGINT, SIGTERM): every wait gave up, and what was started is being stopped. */
export class CancelledError extends CutoverError {
  readonly code = 'cancelled' as const;
  readonly exitCode: number;
  constructor(readonly signal: 'SIGINT' | 'SIGTERM', while_?: string) {
    super(`interrupted by ${signal}${while_ ? ` while ${while_}` : ''}`);
    this.exitCode = signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  }
}

export function isCutoverError(e: unknown): e is CutoverError {
  return e instanceof CutoverError;
}

export function formatLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}
