import { getPath } from '../compare/json-path.js';
import type { BuiltinScenario } from './builtin.js';
import { callOk, createSession, ofType, streamContent } from './helpers.js';
import { needs } from './resolve.js';

/**
 * A cursor older than the replay buffer gets the documented answer (stale, with the
 * latest seq), and a full bootstrap then restores state: the session is there, and the
 * bootstrap's latest seq is a cursor events-since accepts.
 */
export const staleCursor: BuiltinScenario = {
  name: 'stale-cursor',
  description: 'A cursor older than the replay buffer is answered "stale"; bootstrap then restores state.',
  unavailable: (b, s) => needs(b, ['createSession', 'sendMessage', 'eventsSince', 'bootstrap'], s.new ? [] : ['harness.new']),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    const sessionId = await createSession(r, 'main', b);
    const main = r.client('main');
    const mark = main.received.length;
    await callOk(r, 'main', b.sendMessage!, { session: sessionId, content: streamContent(b, b.staleAfter) });
    await main.waitFor(ofType(b.doneEvent), `the ${b.doneEvent} event of a ${b.staleAfter}-event turn`, ctx.settings.timeouts.waitMs * 2, mark);

    const es = b.eventsSince!;
    const stale = await callOk(r, 'main', { command: es.command, params: { [es.cursorParam]: 0 } });
    if (getPath(stale.msg, es.stalePath) !== true) {
      const n = getPath(stale.msg, es.eventsPath);
      report('stale-cursor-unhandled', `events-since(0) after ${b.staleAfter} events did not answer stale (${es.stalePath} is ${JSON.stringify(getPath(stale.msg, es.stalePath))}${Array.isArray(n) ? `, ${n.length} events returned` : ''})`, `If the replay buffer is larger than ${b.staleAfter} events, raise harness.builtins.staleAfter above it; otherwise the daemon must say the cursor is stale.`);
      return;
    }
    const staleLatest = getPath(stale.msg, es.latestSeqPath);
    if (typeof staleLatest !== 'number') report('stale-cursor-unhandled', `the stale answer has no latest seq at ${es.latestSeqPath}`, 'A stale answer must tell the client where history ends.');

    const bs = b.bootstrap!;
    const boot = await callOk(r, 'main', { command: bs.command });
    const sessions = getPath(boot.msg, bs.sessionsPath);
    const bootLatest = getPath(boot.msg, bs.latestSeqPath);
    if (!Array.isArray(sessions) || !JSON.stringify(sessions).includes(JSON.stringify(sessionId))) {
      report('stale-cursor-unhandled', `bootstrap after a stale cursor does not list session ${sessionId} at ${bs.sessionsPath}`);
    }
    if (typeof bootLatest !== 'number' || (typeof staleLatest === 'number' && bootLatest < staleLatest)) {
      report('stale-cursor-unhandled', `bootstrap's latest seq (${JSON.stringify(bootLatest)}) is behind the stale answer's (${JSON.stringify(staleLatest)})`);
      return;
    }
    const resumed = await callOk(r, 'main', { command: es.command, params: { [es.cursorParam]: bootLatest } });
    if (getPath(resumed.msg, es.stalePath) === true) report('stale-cursor-unhandled', `events-since(${bootLatest}), the cursor bootstrap handed out, is stale too: the client can never resume`);
  },
};
