import type { CheckContext } from '../types.js';
import type { LifecycleSession } from './session.js';

/** The lifecycle check as written in the matrix file. */
export interface LifecycleSpec {
  kind: 'lifecycle';
  steps: Array<Record<string, unknown>>;
  /** Where `request`, `expectSame` and `ready.request` connect, in which protocol, with which token. */
  endpoint?: string;
  profile?: string;
  token?: { file: string; field?: string };
  /** The bound of a step that gives no `withinMs` of its own. */
  stepTimeoutMs?: number;
}

/** A step that did not hold. `error`: it could not be carried out (bad input, a command that cannot start). */
export class StepFailed extends Error {
  constructor(
    message: string,
    readonly status: 'failed' | 'error' = 'failed',
  ) {
    super(message);
  }
}

export interface StepContext {
  /** 1-based position, and the number of steps. */
  index: number;
  total: number;
  session: LifecycleSession;
  ctx: CheckContext;
}

/** What load-time validation knows about the steps around one. */
export interface StepValidation {
  targets: readonly string[];
  /** Targets started by the steps before this one. */
  started: readonly string[];
  /** Names bound (`as`) by the steps before this one. */
  bound: readonly string[];
}

/**
 * One kind of lifecycle step, one file under `lifecycle/steps/`. A step is written as
 * `{ <key>: value }`; `run` carries it out within its bound and returns what it saw (for the
 * run record), or throws StepFailed saying what did not hold.
 */
export interface StepKind<V = unknown> {
  key: string;
  description: string;
  /** JSON Schema of the value. */
  schema: Record<string, unknown>;
  /** Whether the step acts on a running target (the last one started, or the one it names). */
  needsTarget: boolean;
  /** The target a value names explicitly, if any. */
  targetOf?(value: V): string | undefined;
  /** Targets a step starts. */
  starts?(value: V): string | undefined;
  /** A name the step binds (`as`). */
  binds?(value: V): string | undefined;
  /** Problems load-time validation can see (unknown names, bad patterns). */
  validate?(value: V, known: StepValidation): string[];
  describe(value: V): string;
  run(value: V, step: StepContext): Promise<string>;
}
