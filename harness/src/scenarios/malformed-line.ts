import { clip } from '../../../core/src/redact/text.js';
import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk } from './helpers.js';
import { needs } from './resolve.js';

const BAD_LINES = ['this is not json', '{"id":"half", "command":', '[1,2,3]'];

/** A malformed line is answered with an error, and the same connection keeps being served. */
export const malformedLine: BuiltinScenario = {
  name: 'malformed-line',
  description: 'Malformed lines get an error answer while the daemon keeps serving.',
  unavailable: (b, s) => needs(b, ['health'], s.new ? [] : ['harness.new']),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    const main = r.client('main');
    for (const line of BAD_LINES) {
      const mark = main.received.length;
      main.sendRaw(line);
      // A message the profile cannot take as a response (no id) ends the wait too: it is the answer, malformed.
      const answer = await attempt(main.waitFor((x) => x.kind === 'response' || x.kind === 'unknown', `an error answer to ${JSON.stringify(line)}`, ctx.settings.timeouts.responseMs, mark));
      if ('error' in answer) {
        if (main.closed) {
          report('daemon-unhealthy', `the daemon closed the connection after the malformed line ${JSON.stringify(line)}`, 'Answer a bad line with an error; do not drop the client.');
          return;
        }
        report('malformed-line-unanswered', `the malformed line ${JSON.stringify(line)} got no answer within ${ctx.settings.timeouts.responseMs} ms`, 'Answer with an error (id null when the line has none).');
      } else if (answer.value.kind === 'unknown') {
        report(
          'malformed-line-unanswered',
          `the malformed line ${JSON.stringify(line)} got ${clip(JSON.stringify(answer.value.msg), 120)}, which is not a response: it carries no request id`,
          'Answer with an error that carries an id (null when the line has none), so a client can tell it is the answer.',
        );
      } else if (answer.value.ok) {
        report('malformed-line-unanswered', `the malformed line ${JSON.stringify(line)} was answered with success`);
      }
    }
    const after = await attempt(callOk(r, 'main', b.health!));
    if ('error' in after) report('daemon-unhealthy', `after malformed lines the daemon no longer serves: ${after.error.message}`);
  },
};
