import { describeLog, findLine, LOG_MATCH_PROPERTIES, validateLog, type LogMatch } from '../log.js';
import type { Look } from '../session.js';
import { TARGET, WITHIN } from '../schema-parts.js';
import type { StepKind } from '../types.js';

interface ExpectLogValue extends LogMatch {
  withinMs?: number;
  target?: string;
}

/** A line matching a pattern shows (within the bound) in a log file or an output stream, written since the target was last started. */
export const expectLogStep: StepKind<ExpectLogValue> = {
  key: 'expectLog',
  description: 'A line matching a pattern shows, within the bound, in a log file or the target\'s output, among the lines written since it was last started.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['pattern'],
    properties: { ...LOG_MATCH_PROPERTIES, withinMs: WITHIN, target: TARGET },
  },
  needsTarget: true,
  targetOf: (v) => v.target,
  validate: (v) => validateLog(v, 'expectLog'),
  describe: (v) => `expect log ${describeLog(v)}`,
  async run(v, { session }) {
    const state = session.target(v.target);
    await session.waitFor(`a line matching ${describeLog({ ...v, ...(v.file ? { file: session.expand(v.file) } : {}) })}`, session.bound(v.withinMs), (): Look<string> => {
      const line = findLine(session, state, v);
      return line === undefined ? { ok: false } : { ok: true, value: line };
    });
    return `a line matching /${v.pattern}/ showed`;
  },
};
