import { recordScenario } from '../record.js';
import { replayTrace } from '../replay.js';
import type { ScenarioStep } from '../scenario/types.js';
import type { BuiltinScenario } from './builtin.js';
import { needs } from './resolve.js';

/**
 * Every configured command, sent to the old path and to the new one, answers the same.
 * A session is made first when createSession is configured: `{{session}}` refers to it.
 */
export const roundtrip: BuiltinScenario = {
  name: 'roundtrip',
  description: 'The configured commands answer the same on the old path and the new path.',
  unavailable: (b, s) => needs(b, ['roundTrip'], [...(s.old ? [] : ['harness.old']), ...(s.new ? [] : ['harness.new'])]),
  async run({ ctx, b, report }) {
    const steps: ScenarioStep[] = [];
    if (b.createSession) steps.push({ type: 'request', conn: 'main', command: b.createSession.command, ...(b.createSession.params ? { params: b.createSession.params } : {}), as: 'created' });
    const sessionRef = `{{created.${b.createSession?.path ?? 'result.id'}}}`;
    for (const c of b.roundTrip) {
      const params = c.params ? (JSON.parse(JSON.stringify(c.params).replace(/\{\{\s*session\s*\}\}/g, sessionRef)) as typeof c.params) : undefined;
      steps.push({ type: 'request', conn: 'main', command: c.command, ...(params ? { params } : {}) });
    }
    const scenario = { name: 'builtin-roundtrip', steps };
    const { trace, findings: recorded } = await recordScenario(ctx, scenario);
    const { findings } = await replayTrace(ctx, trace);
    for (const f of [...recorded, ...findings]) report(f.id as never, f.message, f.hint);
  },
};
