import { randomBytes } from 'node:crypto';
import type { Client } from '../client.js';
import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk, createSession } from './helpers.js';
import { needs } from './resolve.js';
import { clip } from '../../../core/src/redact/text.js';

/**
 * No token and a wrong token are both refused: an error answer or a closed connection,
 * never a result, and such a connection never receives events.
 */
export const auth: BuiltinScenario = {
  name: 'auth',
  description: 'Requests without a token or with a wrong one are refused and get no events.',
  unavailable: (b, s) => needs(b, ['health'], [...(s.new ? [] : ['harness.new']), ...(s.new && !s.new.token ? ['harness.new.token'] : [])]),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    const profile = r.transport.settings.profile;
    const field = r.transport.settings.token!.field;
    const probe = async (conn: string, token: string | undefined, what: string): Promise<Client> => {
      const c = await r.open(conn);
      const id = `${conn}-1`;
      const req = profile.request({ id, command: b.health!.command, ...(b.health!.params ? { params: r.withSecrets(b.health!.params, 'harness.builtins.health') } : {}) });
      c.sendRaw(JSON.stringify(token === undefined ? req : { ...req, [field]: token }));
      const answer = await attempt(c.waitFor((x) => x.kind === 'response', `an answer to a request ${what}`, ctx.settings.timeouts.responseMs));
      if ('value' in answer && answer.value.ok) {
        report('auth-not-enforced', `a request ${what} was served: ${clip(JSON.stringify(answer.value.msg), 160)}`, 'Check the token on every request before running the command.');
      } else if ('error' in answer && !c.closed) {
        report('auth-not-enforced', `a request ${what} got no answer and the connection stayed open (${answer.error.message})`, 'Refuse with an error answer, or close the connection.');
      }
      return c;
    };
    const anonymous = await probe('no-token', undefined, 'without a token');
    const wrong = await probe('wrong-token', `wrong-${randomBytes(16).toString('hex')}`, 'with a wrong token');
    // Something happens now; only the authenticated connection may hear of it.
    if (b.createSession) await createSession(r, 'main', b);
    else await callOk(r, 'main', b.health!);
    await r.client('main').settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);
    for (const c of [anonymous, wrong]) {
      const events = c.received.filter((x) => x.kind === 'event').length;
      if (events) report('auth-not-enforced', `connection ${c.conn}, never authenticated, received ${events} event(s)`, 'Push events only to connections that presented the token.');
    }
  },
};
