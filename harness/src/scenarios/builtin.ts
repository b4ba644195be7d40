import type { Finding } from '../../../core/src/findings.js';
import type { HarnessContext } from '../context.js';
import type { HarnessFindingId } from '../finding-ids.js';
import type { Runner } from '../run/runner.js';
import type { CommandSpec, HarnessSettings } from '../settings.js';

export const BUILTIN_NAMES = ['roundtrip', 'catchup', 'stale-cursor', 'crash-recovery', 'single-instance', 'auth', 'malformed-line', 'client-vanish'] as const;
export type BuiltinName = (typeof BUILTIN_NAMES)[number];

/** The built-in scenarios' settings with defaults filled in (command names always come from config). */
export interface Builtins {
  roundTrip: CommandSpec[];
  createSession?: CommandSpec & { path: string };
  sendMessage?: CommandSpec;
  health?: CommandSpec;
  /** A command that makes the target emit an event (renaming a session): params may use {{session}} and {{n}}. */
  emit?: CommandSpec & { event?: string };
  eventsSince?: { command: string; cursorParam: string; eventsPath: string; latestSeqPath: string; stalePath: string };
  bootstrap?: { command: string; latestSeqPath: string; sessionsPath: string; pendingPermissionsPath: string };
  streamContent: string;
  streamLength: number;
  staleAfter: number;
  permissionContent?: string;
  permissionEvent?: { type: string; path: string };
  doneEvent: string;
}

export interface BuiltinEnv {
  ctx: HarnessContext;
  b: Builtins;
  /** Starts the new path with its main connection open; ended by the caller whatever happens. */
  startNew(): Promise<Runner>;
  report(id: HarnessFindingId, message: string, hint?: string): void;
  /**
   * The scenario had nothing to observe (no event came, the buffer held everything): it neither
   * passed nor failed. `why` says what happened, `needs` what it would have needed.
   */
  inconclusive(why: string, needs: string): void;
}

/**
 * A property of the new path checked by a fixed procedure. One file per scenario under
 * `scenarios/`, listed in `scenarios/registry.ts`; which commands it uses comes from config.
 */
export interface BuiltinScenario {
  name: BuiltinName;
  description: string;
  /** Why it cannot run with this config (a missing command), or undefined when it can. */
  unavailable(b: Builtins, s: HarnessSettings): string | undefined;
  run(env: BuiltinEnv): Promise<void>;
}

export type { Finding };
