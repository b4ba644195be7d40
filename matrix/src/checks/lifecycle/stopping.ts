import type { StopReport } from '../../../../core/src/process/supervisor.js';
import type { TargetState } from './session.js';
import { StepFailed } from './types.js';

/**
 * Ends a target's running instance: `signal` to its whole tree, SIGKILL after `graceMs`. A target
 * that needed SIGKILL although the signal should have ended it fails (unless `endedBy` allows it),
 * and so does anything that survived SIGKILL. Returns how it ended, in words.
 */
export async function stopInstance(state: TargetState, graceMs: number, signal: NodeJS.Signals, endedBy: 'signal' | 'SIGKILL' | 'any' = 'signal'): Promise<string> {
  const t = state.current!;
  state.mayEnd = true;
  const r: StopReport = await t.process.stop(graceMs, signal);
  if (r.leftovers.length) throw new StepFailed(`target ${state.name}: processes survived SIGKILL: ${r.leftovers.join(', ')}`);
  if (r.endedBy === 'exited') return `target ${state.name} had already ended`;
  if (r.endedBy === 'SIGKILL' && signal !== 'SIGKILL' && endedBy === 'signal') {
    throw new StepFailed(`${signal} did not end target ${state.name} within ${graceMs} ms; SIGKILL ended it`);
  }
  if (endedBy === 'SIGKILL' && r.endedBy !== 'SIGKILL') throw new StepFailed(`target ${state.name} ended on ${r.endedBy}, expected it to need SIGKILL`);
  return r.endedBy === signal ? `${signal} ended target ${state.name}` : `${signal} did not end target ${state.name} within ${graceMs} ms; SIGKILL ended it`;
}
