import { SIGNAL, TARGET, signalName, stringOr } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

type SignalValue = string | { signal: string; to?: 'process' | 'tree'; target?: string; ends?: boolean };

const ENDING = new Set(['SIGTERM', 'SIGINT', 'SIGKILL', 'SIGQUIT']);

/**
 * Sends a signal to the target's process (for a target that forks: its daemon) or to its whole
 * tree. TERM, INT, KILL and QUIT may end it, so its end is no surprise from then on; after HUP or
 * USR1 it must keep running (unless `ends: true`).
 */
export const signalStep: StepKind<SignalValue> = {
  key: 'signal',
  description: 'Sends a signal (TERM, INT, KILL, HUP, QUIT, USR1, USR2) to the target\'s process, or to its group and every descendant (to: tree).',
  schema: stringOr('A signal, or the signal with options.', {
    required: ['signal'],
    properties: {
      signal: SIGNAL,
      to: { enum: ['process', 'tree'], description: 'process (default): the target\'s main process (a forked daemon: the one its PID file names); tree: its process group and every descendant.' },
      target: TARGET,
      ends: { type: 'boolean', description: 'Whether the target may end from it (default: true for TERM, INT, KILL, QUIT; false for HUP, USR1, USR2).' },
    },
  }),
  needsTarget: true,
  targetOf: (v) => (typeof v === 'object' ? v.target : undefined),
  describe: (v) => (typeof v === 'string' ? `signal ${signalName(v)}` : `signal ${signalName(v.signal)} to the ${v.to ?? 'process'}`),
  async run(v, { session }) {
    const o = typeof v === 'string' ? { signal: v } : v;
    const sig = signalName(o.signal);
    const { state, started } = session.running(o.target);
    state.mayEnd = o.ends ?? ENDING.has(sig);
    if ((o.to ?? 'process') === 'tree') {
      started.process.signal(sig, 'tree');
      return `${sig} sent to target ${state.name}'s process group and descendants`;
    }
    const pid = started.process.mainPid();
    if (pid === undefined) throw new StepFailed(`target ${state.name} has no process to signal`);
    try {
      process.kill(pid, sig);
    } catch (e) {
      throw new StepFailed(`could not send ${sig} to pid ${pid}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return `${sig} sent to target ${state.name}'s process`;
  },
};
