import { randomBytes } from 'node:crypto';
import type { Client } from '../client.js';
import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk, createSession, EMIT_HINT_TEXT, produceEvents } from './helpers.js';
import { needs } from './resolve.js';
import { clip } from '../../../core/src/redact/text.js';

/**
 * No token and a wrong token are both refused: an error answer or a closed connection,
 * never a result, and such a connection never receives events. Whatever of that does not hold is
 * one finding; when no event was emitted, whether events leak could not be seen: inconclusive.
 */
export const auth: BuiltinScenario = {
  name: 'auth',
  description: 'Requests without a token or with a wrong one are refused and get no events.',
  unavailable: (b, s) => needs(b, ['health'], [...(s.new ? [] : ['harness.new']), ...(s.new && !s.new.token ? ['harness.new.token'] : [])]),
  async run({ ctx, b, startNew, report, inconclusive }) {
    const r = await startNew();
    const profile = r.transport.settings.profile;
    const field = r.transport.settings.token!.field;
    const broken: string[] = [];
    const probe = async (conn: string, token: string | undefined, what: string): Promise<Client> => {
      const c = await r.open(conn);
      const id = `${conn}-1`;
      const req = profile.request({ id, command: b.health!.command, ...(b.health!.params ? { params: r.withSecrets(b.health!.params, 'harness.builtins.health') } : {}) });
      c.sendRaw(JSON.stringify(token === undefined ? req : { ...req, [field]: token }));
      const answer = await attempt(c.waitFor((x) => x.kind === 'response', `an answer to a request ${what}`, ctx.settings.timeouts.responseMs));
      if ('value' in answer && answer.value.ok) broken.push(`a request ${what} was served (${clip(JSON.stringify(answer.value.msg), 120)})`);
      else if ('error' in answer && !c.closed) broken.push(`a request ${what} got no answer and the connection stayed open`);
      return c;
    };
    const anonymous = await probe('no-token', undefined, 'without a token');
    const wrong = await probe('wrong-token', `wrong-${randomBytes(16).toString('hex')}`, 'with a wrong token');
    // Something happens now; only the authenticated connection may hear of it.
    const main = r.client('main');
    const mark = main.received.length;
    if (b.emit || b.sendMessage) await produceEvents(r, 'main', b, b.createSession ? await createSession(r, 'main', b) : undefined, 1);
    else if (b.createSession) await createSession(r, 'main', b);
    else await callOk(r, 'main', b.health!);
    await main.settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);
    const heard = main.received.slice(mark).filter((x) => x.kind === 'event').length;
    for (const c of [anonymous, wrong]) {
      const events = c.received.filter((x) => x.kind === 'event').length;
      if (events) broken.push(`connection ${c.conn}, never authenticated, received ${events} event(s)`);
    }
    if (broken.length) {
      report('auth-not-enforced', `the token is not enforced: ${broken.join('; ')}`, 'Check the token on every request before running the command, and push events only to connections that presented it.');
      return;
    }
    if (heard === 0) {
      inconclusive('both probes were refused, but no event was emitted afterwards, so whether events reach connections that never authenticated was not seen', EMIT_HINT_TEXT);
    }
  },
};
