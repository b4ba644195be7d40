import fs from 'node:fs';
import { sleep } from '../../../../../core/src/wait.js';
import { describeLog, findLine, LOG_MATCH_PROPERTIES, validateLog, type LogMatch } from '../log.js';
import { describeEnd } from '../session.js';
import { TARGET, WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface KillWhenValue {
  file?: string;
  log?: LogMatch;
  withinMs?: number;
  target?: string;
}

// Looked at this often: the kill is meant to land while the target is in the middle of something.
const POLL_MS = 5;

/**
 * The fault step: SIGKILL to the target's whole tree at the moment a file appears or a log line
 * shows, as a crash or a power cut would land mid-write. The steps after it check what it left:
 * "SIGKILL mid-write leaves a file that parses".
 */
export const killWhenStep: StepKind<KillWhenValue> = {
  key: 'killWhen',
  description: 'SIGKILL to the target\'s whole tree the moment a file appears or a log line shows (a crash mid-write); fails if neither happens within the bound.',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      file: { type: 'string', description: 'Kill as soon as this path exists (e.g. the temp file of an atomic write).' },
      log: { type: 'object', title: 'LifecycleKillLog', additionalProperties: false, required: ['pattern'], description: 'Kill as soon as a line matching shows.', properties: LOG_MATCH_PROPERTIES },
      withinMs: WITHIN,
      target: TARGET,
    },
  },
  needsTarget: true,
  targetOf: (v) => v.target,
  validate: (v) => [...(v.file === undefined && !v.log ? ['killWhen: give file or log'] : []), ...(v.file !== undefined && v.log ? ['killWhen: give file or log, not both'] : []), ...validateLog(v.log, 'killWhen.log')],
  describe: (v) => `SIGKILL when ${v.file !== undefined ? `${v.file} appears` : describeLog(v.log!)}`,
  async run(v, { session }) {
    const { state, started } = session.running(v.target);
    state.mayEnd = true;
    const within = session.bound(v.withinMs);
    const file = v.file !== undefined ? session.path(v.file) : undefined;
    const trigger = v.file !== undefined ? `${session.expand(v.file)}` : `a line matching ${describeLog(v.log!)}`;
    const [happened, never] = v.file !== undefined ? ['appeared', 'did not appear'] : ['showed', 'did not show'];
    const until = Date.now() + within;
    let lookedAt = 0;
    for (;;) {
      if (file !== undefined ? fs.existsSync(file) : findLine(session, state, v.log!) !== undefined) break;
      // Whether it still runs is a look at the process table for a target that forks: not every 5 ms.
      if (Date.now() - lookedAt >= 100 && ((lookedAt = Date.now()), !started.isRunning())) throw new StepFailed(`target ${state.name} ended (${describeEnd(started)}) before ${trigger} ${happened}; nothing was killed`);
      if (session.ctx.signal.aborted) throw new StepFailed(`the row's time limit was reached before ${trigger} ${happened}`, 'error');
      if (Date.now() >= until) throw new StepFailed(`${trigger} ${never} within ${within} ms; nothing was killed`);
      await sleep(POLL_MS);
    }
    started.process.signal('SIGKILL', 'tree');
    const r = await started.process.stop(0, 'SIGKILL');
    if (r.leftovers.length) throw new StepFailed(`target ${state.name}: processes survived SIGKILL: ${r.leftovers.join(', ')}`);
    return `SIGKILL to target ${state.name} when ${trigger} ${happened}`;
  },
};
