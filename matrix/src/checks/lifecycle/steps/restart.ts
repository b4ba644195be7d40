import { SIGNAL, TARGET, WITHIN, signalName, stringOr } from '../schema-parts.js';
import { stopInstance } from '../stopping.js';
import type { StepKind } from '../types.js';

type RestartValue = string | { target?: string; graceMs?: number; signal?: string; withinMs?: number };

/**
 * Stops the target (SIGTERM to its tree, SIGKILL after graceMs: needing SIGKILL fails, unless the
 * signal is KILL) if it still runs, and starts it again on the same temp dir, waiting until it is
 * ready: what it saved must be there for it.
 */
export const restartStep: StepKind<RestartValue> = {
  key: 'restart',
  description: 'Stops the target if it runs (TERM, SIGKILL after graceMs; needing SIGKILL fails unless signal is KILL) and starts it again on the same files, waiting until it is ready.',
  schema: stringOr('A target name, or options.', {
    properties: {
      target: TARGET,
      graceMs: { type: 'integer', minimum: 0, description: "Time to end after the signal, in ms (default: the target's stopTimeoutMs, else 5000)." },
      signal: { ...SIGNAL, description: 'How to stop it (default TERM; KILL: a crash).' },
      withinMs: { ...WITHIN, description: 'How long the new instance may take to become ready, in ms.' },
    },
  }),
  needsTarget: true,
  targetOf: (v) => (typeof v === 'string' ? v : v.target),
  describe: (v) => `restart${typeof v === 'string' ? ` ${v}` : `${v.target ? ` ${v.target}` : ''}${v.signal ? ` (${signalName(v.signal)})` : ''}`}`,
  async run(v, { session }) {
    const o = typeof v === 'string' ? { target: v } : v;
    const state = session.target(o.target);
    const sig = signalName(o.signal ?? 'TERM');
    const how = state.current!.isRunning() ? await stopInstance(state, o.graceMs ?? state.spec.stopTimeoutMs ?? 5_000, sig, sig === 'SIGKILL' ? 'any' : 'signal') : `target ${state.name} had already ended`;
    await session.start(state.name, o.withinMs);
    return `${how}; started again and ready`;
  },
};
