import fs from 'node:fs';
import { sleep } from '../../../../core/src/wait.js';
import type { TargetSpec } from '../../matrix-file/types.js';
import { TargetError, outputEnding, startTarget, type StartOptions, type StartedTarget } from '../../run/target.js';
import type { CheckContext } from '../types.js';
import { StepFailed, type LifecycleSpec } from './types.js';

/** One target of the check: the instance now started, and what the steps said about it. */
export interface TargetState {
  name: string;
  spec: TargetSpec;
  current: StartedTarget | undefined;
  /** Every instance started, each stopped when the check ends. */
  instances: StartedTarget[];
  /** A step signalled or stopped it: until the next start, its end is no surprise. */
  mayEnd: boolean;
  /** Byte sizes of the log files when it was last started: lines before that belong to an earlier run. */
  offsets: Map<string, number>;
}

/** A target ended while no step expected it to. */
export class TargetDied extends StepFailed {}

/** What a wait saw on one look: the value it waited for, or how things stood. */
export type Look<T> = { ok: true; value: T } | { ok: false; seen?: string };

const DEFAULT_STEP_MS = 10_000;
const RUNNING_CACHE_MS = 100;

/**
 * The state a lifecycle check carries from step to step: its targets, the answers captured under
 * a name, the placeholders they make, and the one way its steps wait (bounded, watching the
 * target, ending at once when the row's limit is reached or the run is interrupted).
 */
export class LifecycleSession {
  readonly captures: Record<string, unknown> = {};
  readonly targets = new Map<string, TargetState>();
  private currentName: string | undefined;
  private readonly runningSeen = new WeakMap<StartedTarget, { at: number; value: boolean }>();

  constructor(
    readonly spec: LifecycleSpec,
    readonly ctx: CheckContext,
    /** Log files the steps read (as written), so each start can note where its lines begin. */
    private readonly logFiles: readonly string[],
  ) {}

  /** The target started last, if any. */
  get current(): TargetState | undefined {
    return this.currentName === undefined ? undefined : this.targets.get(this.currentName);
  }

  /** Placeholders the steps bound, and `ready` of the target started last. */
  scope(): Record<string, unknown> {
    const ready = this.currentName ? this.targets.get(this.currentName)?.current?.ready : undefined;
    return { ...this.captures, ...(ready !== undefined ? { ready } : {}) };
  }

  expand(s: string): string {
    return this.ctx.expandWith(s, this.scope());
  }

  expandShell(s: string): string {
    return this.ctx.expandWith(s, this.scope(), true);
  }

  expandJson<T>(v: T): T {
    return this.ctx.expandJson(v, this.scope());
  }

  /** A path from the matrix file: placeholders expanded, resolved from its folder. */
  path(s: string): string {
    return this.ctx.resolve(this.expand(s));
  }

  /** A step's bound: its own `withinMs`, else the check's, never past the row's limit. */
  bound(withinMs: number | undefined): number {
    return Math.max(1, Math.min(withinMs ?? this.spec.stepTimeoutMs ?? DEFAULT_STEP_MS, this.ctx.remainingMs()));
  }

  /** The target a step acts on: the one it names, else the one started last. */
  target(name?: string): TargetState {
    const n = name ?? this.currentName;
    const state = n === undefined ? undefined : this.targets.get(n);
    if (!state?.current) throw new StepFailed(`target ${n ?? '(none)'} has not been started by an earlier step`, 'error');
    return state;
  }

  /** The target's running instance; a target that is not running fails the step. */
  running(name?: string): { state: TargetState; started: StartedTarget } {
    const state = this.target(name);
    const started = state.current!;
    if (!started.isRunning()) throw new StepFailed(`target ${state.name} is not running (${describeEnd(started)})`);
    return { state, started };
  }

  async start(name: string, withinMs: number | undefined): Promise<StartedTarget> {
    const spec = this.ctx.matrix.targets[name];
    if (!spec) throw new StepFailed(`unknown target "${name}"`, 'error');
    let state = this.targets.get(name);
    if (!state) this.targets.set(name, (state = { name, spec, current: undefined, instances: [], mayEnd: false, offsets: new Map() }));
    if (state.current?.isRunning()) throw new StepFailed(`target ${name} is already running; stop it first, or use restart`);
    if (state.current) await state.current.stop();
    state.offsets = this.logOffsets();
    try {
      const started = await startTarget(name, spec, this.startOptions(spec, withinMs ?? spec.ready?.timeoutMs ?? 15_000));
      state.current = started;
      state.instances.push(started);
      state.mayEnd = false;
      this.currentName = name;
      return started;
    } catch (e) {
      if (e instanceof TargetError) throw new StepFailed(e.message);
      throw e;
    }
  }

  /** How a target's command is started in this cell: its cwd, placeholders, limit. */
  startOptions(spec: TargetSpec, withinMs: number | undefined): StartOptions {
    return {
      cwd: this.ctx.resolve(spec.cwd ? this.expand(spec.cwd) : '.'),
      expand: (s) => this.expand(s),
      resolve: this.ctx.resolve,
      redactor: this.ctx.redactor,
      signal: this.ctx.signal,
      limitMs: this.bound(withinMs),
    };
  }

  /**
   * Whether a target still runs, for the watch waits keep. A target that forks is looked for in the
   * process table, which costs milliseconds: that look is reused for 100 ms.
   */
  private stillRunning(t: StartedTarget, fresh: boolean): boolean {
    if (!t.spec.forks || fresh) return t.isRunning();
    const seen = this.runningSeen.get(t);
    if (seen && Date.now() - seen.at < RUNNING_CACHE_MS) return seen.value;
    const value = t.isRunning();
    this.runningSeen.set(t, { at: Date.now(), value });
    return value;
  }

  /** Fails when a target ended that no step expected to end (`fresh`: at step boundaries, not from a look of the last 100 ms). */
  checkAlive(where: string, fresh = true): void {
    for (const state of this.targets.values()) {
      const t = state.current;
      if (t && !state.mayEnd && !this.stillRunning(t, fresh)) {
        state.mayEnd = true;
        throw new TargetDied(`target ${state.name} ${describeEnd(t)} ${where}, and no step expected it to end${outputEnding(t.process, `target ${state.name}'s`)}`);
      }
    }
  }

  /** Looks until `look` sees what it waits for, at most `withinMs`; a target ending meanwhile fails at once. */
  async waitFor<T>(what: string, withinMs: number, look: () => Look<T> | Promise<Look<T>>, pollMs = 20): Promise<T> {
    const until = Date.now() + withinMs;
    let seen: string | undefined;
    for (;;) {
      const r = await look();
      if (r.ok) return r.value;
      seen = r.seen ?? seen;
      this.checkAlive(`while waiting for ${what}`, false);
      if (this.ctx.signal.aborted) throw new StepFailed(`the row's time limit was reached while waiting for ${what}`, 'error');
      if (Date.now() >= until) throw new StepFailed(`${what}: not within ${withinMs} ms${seen ? ` (last seen: ${seen})` : ''}`);
      await sleep(pollMs);
    }
  }

  /** "; target x's output ends with: …" for the target a step acted on (or the one started last). */
  outputEnding(name?: string): string {
    const n = name ?? this.currentName;
    const t = n ? this.targets.get(n)?.current : undefined;
    return t ? outputEnding(t.process, `target ${n}'s`) : '';
  }

  /** Stops every instance started; says what survived SIGKILL. */
  async close(): Promise<string[]> {
    const left: string[] = [];
    for (const state of this.targets.values()) {
      for (const t of state.instances) {
        const r = await t.stop();
        if (r.leftovers.length) left.push(`target ${state.name} left processes running after SIGKILL: ${r.leftovers.join(', ')}`);
      }
    }
    return left;
  }

  private logOffsets(): Map<string, number> {
    const out = new Map<string, number>();
    for (const raw of this.logFiles) {
      try {
        const file = this.path(raw);
        out.set(file, fs.statSync(file).size);
      } catch {
        // not written yet (or named by a placeholder bound later): its lines start at 0
      }
    }
    return out;
  }
}

/** How a started target ended: "exited with code 1", or for one that forks, that its daemon is gone. */
export function describeEnd(t: StartedTarget): string {
  if (t.isRunning()) return 'is still running';
  return t.spec.forks ? 'is no longer running (its daemon ended)' : t.process.describeExit();
}
