import { sleep } from '../../../../../core/src/wait.js';
import { outputEnding, superviseTarget } from '../../../run/target.js';
import { describeEnd, type LifecycleSession } from '../session.js';
import { WITHIN, stringOr } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

type StartValue = string | { target: string; refused?: boolean; withinMs?: number };

const nameOf = (v: StartValue) => (typeof v === 'string' ? v : v.target);

/**
 * Starts a target and waits until it is ready (its `ready` in the targets section). With
 * `refused: true` it starts a second instance beside the running one instead, which must not
 * stay: it ends (or its start command leaves nothing running) and the first one keeps running.
 */
export const startStep: StepKind<StartValue> = {
  key: 'start',
  description: 'Starts a target (from the matrix file\'s targets) and waits until it is ready; with refused: true, a second instance that must be refused while the first runs.',
  schema: stringOr('A target name, or the target with options.', {
    required: ['target'],
    properties: {
      target: { type: 'string', description: 'The target to start.' },
      refused: { type: 'boolean', description: 'Start a second instance beside the running one: it must end without leaving anything running (a second start is refused), and the first must keep running.' },
      withinMs: { ...WITHIN, description: 'How long it may take to become ready, in ms (default: the target\'s ready.timeoutMs, else 15000); with refused, how long the second instance has to give up (default: the check\'s stepTimeoutMs, else 5000).' },
    },
  }),
  needsTarget: false,
  starts: (v) => (typeof v === 'object' && v.refused ? undefined : nameOf(v)),
  targetOf: (v) => (typeof v === 'object' && v.refused ? v.target : undefined),
  validate: (v, known) => (known.targets.includes(nameOf(v)) ? [] : [`unknown target "${nameOf(v)}" (defined: ${known.targets.join(', ') || 'none'})`]),
  describe: (v) => (typeof v === 'object' && v.refused ? `start a second ${v.target} (refused)` : `start ${nameOf(v)}`),
  async run(v, { session }) {
    const name = nameOf(v);
    const withinMs = typeof v === 'string' ? undefined : v.withinMs;
    if (typeof v === 'object' && v.refused) return refused(session, name, withinMs);
    const t = await session.start(name, withinMs);
    return `${t.name} started and ready`;
  },
};

async function refused(session: LifecycleSession, name: string, withinMs: number | undefined): Promise<string> {
  const { state, started: first } = session.running(name);
  // How long the second instance has to give up: the step's bound, else the check's stepTimeoutMs, else 5 s.
  const opts = session.startOptions(state.spec, withinMs ?? session.spec.stepTimeoutMs ?? 5_000);
  const second = superviseTarget(name, state.spec, opts, { label: `second ${name}` });
  try {
    const until = Date.now() + opts.limitMs;
    while (second.running && Date.now() < until && !session.ctx.signal.aborted) await sleep(25);
    if (second.running) {
      throw new StepFailed(`a second ${name} was not refused: it still runs ${opts.limitMs} ms after it was started${outputEnding(second, 'its')}`);
    }
    if (!first.isRunning()) throw new StepFailed(`starting a second ${name} ended the first one (${describeEnd(first)})${outputEnding(second, "the second one's")}`);
    return `second ${name} refused: it ${second.describeExit()}; the first still runs`;
  } finally {
    await second.stop(state.spec.stopTimeoutMs ?? 5_000);
  }
}
