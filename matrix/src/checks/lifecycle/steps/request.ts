import { ask, REQUEST_PROPERTIES, shown, type RequestValue } from '../connect.js';
import { WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface RequestStepValue extends RequestValue {
  as?: string;
  expect?: 'ok' | 'error' | 'any';
  withinMs?: number;
}

/** Sends a request through a harness protocol profile; the answer can be captured under a name for later steps. */
export const requestStep: StepKind<RequestStepValue> = {
  key: 'request',
  description: 'Sends a request through a harness protocol profile and checks the answer is a success (or an error, with expect); `as` captures it for placeholders ({{name.result.id}}) and expectSame.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['command'],
    properties: {
      ...REQUEST_PROPERTIES,
      as: { type: 'string', pattern: '^[A-Za-z_][\\w-]*$', description: 'Capture the whole answer under this name.' },
      expect: { enum: ['ok', 'error', 'any'], description: 'What the answer must say (default ok: a success).' },
      withinMs: WITHIN,
    },
  },
  needsTarget: false,
  binds: (v) => v.as,
  describe: (v) => `request ${v.command}${v.as ? ` as ${v.as}` : ''}`,
  async run(v, { session }) {
    const answer = await ask(session, v, session.bound(v.withinMs));
    const expect = v.expect ?? 'ok';
    if (expect !== 'any' && answer.ok !== (expect === 'ok')) {
      throw new StepFailed(`${v.command} was answered with ${answer.ok ? 'a success' : 'an error'}, expected ${expect === 'ok' ? 'a success' : 'an error'}: ${shown(session, answer.msg)}`);
    }
    if (v.as) session.captures[v.as] = answer.msg;
    // The answer itself is not kept: it holds pids and times, and evidence of equal runs must not differ.
    return `${v.command} answered with ${answer.ok ? 'a success' : 'an error'}${v.as ? `, captured as ${v.as}` : ''}`;
  },
};
