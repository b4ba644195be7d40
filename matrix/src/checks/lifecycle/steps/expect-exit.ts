import { sleep } from '../../../../../core/src/wait.js';
import { outputEnding } from '../../../run/target.js';
import type { Look } from '../session.js';
import { SIGNAL, TARGET, WITHIN, signalName } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface ExpectExitValue {
  code?: number;
  signal?: string;
  withinMs?: number;
  target?: string;
}

// After the process exited, what it started has this long to end too before it counts as left behind.
const LEFT_BEHIND_MS = 1_000;

/**
 * Waits for the target to end and checks how: an exit code (default 0) or a signal. A process
 * that exits but leaves processes it started running fails too. For a target that forks, the
 * daemon is not cutover's child and its exit code cannot be known: only its end is checked.
 */
export const expectExitStep: StepKind<ExpectExitValue> = {
  key: 'expectExit',
  description: 'Waits (bounded) for the target to end, with an exit code (default 0) or killed by a signal; nothing it started may be left running.',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      code: { type: 'integer', minimum: 0, maximum: 255, description: 'The exit code it must end with (default 0, unless signal is given).' },
      signal: { ...SIGNAL, description: 'The signal that must have ended it instead (e.g. TERM when it keeps the default action).' },
      withinMs: WITHIN,
      target: TARGET,
    },
  },
  needsTarget: true,
  targetOf: (v) => v.target,
  validate: (v) => (v.code !== undefined && v.signal !== undefined ? ['expectExit: give code or signal, not both'] : []),
  describe: (v) => `expect exit ${v.signal ? `by ${signalName(v.signal)}` : `code ${v.code ?? 0}`}`,
  async run(v, { session }) {
    const state = session.target(v.target);
    const t = state.current!;
    const within = session.bound(v.withinMs);
    state.mayEnd = true;
    if (t.spec.forks) {
      if (v.code !== undefined || v.signal !== undefined) {
        throw new StepFailed(`target ${state.name} forks: its daemon is not cutover's child, so how it exited cannot be known; leave code and signal out (its end is checked)`, 'error');
      }
      await session.waitFor(`target ${state.name}'s daemon to end`, within, (): Look<true> => (t.isRunning() ? { ok: false, seen: 'still running' } : { ok: true, value: true }));
      return `target ${state.name}'s daemon ended`;
    }
    const expected = v.signal ? `be ended by ${signalName(v.signal)}` : `exit with code ${v.code ?? 0}`;
    await session.waitFor(`target ${state.name} to ${expected}`, within, (): Look<true> => (t.process.alive ? { ok: false, seen: 'still running' } : { ok: true, value: true }));
    const how = t.process.describeExit();
    const exit = t.process.exit!;
    const want = v.signal ? signalName(v.signal) : (v.code ?? 0);
    const ok = v.signal ? exit.signal === want : exit.signal === null && exit.code === want;
    if (!ok) throw new StepFailed(`target ${state.name} ${how}, expected ${typeof want === 'string' ? `it to be killed by ${want}` : `exit code ${want}`}`);
    const until = Date.now() + LEFT_BEHIND_MS;
    while (t.process.running && Date.now() < until) await sleep(25);
    const left = t.process.tree();
    if (left.length) {
      throw new StepFailed(`target ${state.name} ${how}, but left ${left.length} process(es) it started running${outputEnding(t.process)}`);
    }
    return `target ${state.name} ${how}`;
  },
};
