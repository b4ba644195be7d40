import { getPath } from '../compare/json-path.js';
import type { BuiltinScenario } from './builtin.js';
import { callOk, createSession, quiet, EMIT_HINT_TEXT, ofType, produceEvents, seqOf, streams } from './helpers.js';
import { needs } from './resolve.js';

/**
 * A cursor older than the replay buffer gets the documented answer (stale, with the
 * latest seq), and a full bootstrap then restores state: the session is there, and the
 * bootstrap's latest seq is a cursor events-since accepts.
 */
export const staleCursor: BuiltinScenario = {
  name: 'stale-cursor',
  description: 'A cursor older than the replay buffer is answered "stale"; bootstrap then restores state.',
  unavailable: (b, s) => needs(b, [['sendMessage', 'emit'], 'eventsSince', 'bootstrap', ...(streams(b) ? (['createSession'] as const) : [])], s.new ? [] : ['harness.new']),
  async run({ ctx, b, startNew, report, inconclusive }) {
    const r = await startNew();
    const sessionId = b.createSession ? await createSession(r, 'main', b) : undefined;
    const main = r.client('main');
    const mark = await quiet(r, 'main');
    await produceEvents(r, 'main', b, sessionId, b.staleAfter);
    if (streams(b)) await main.waitFor(ofType(b.doneEvent), `the ${b.doneEvent} event of a ${b.staleAfter}-event turn`, ctx.settings.timeouts.waitMs * 2, mark);
    else await main.settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);

    const es = b.eventsSince!;
    const stale = await callOk(r, 'main', { command: es.command, params: { [es.cursorParam]: 0 } });
    if (getPath(stale.msg, es.stalePath) !== true) {
      const events = getPath(stale.msg, es.eventsPath);
      const seqs = Array.isArray(events) ? events.map((e) => seqOf(r, e)) : [];
      const latest = getPath(stale.msg, es.latestSeqPath);
      if (!seqs.length && !latest) {
        inconclusive('the replay buffer is empty (no event was emitted), so no cursor could be stale', EMIT_HINT_TEXT);
        return;
      }
      // Everything from seq 1 on, in order: the buffer simply held it all, which is no fault.
      if (seqs.every((s, i) => s === i + 1) && (typeof latest !== 'number' || latest === seqs.length)) {
        if (seqs.length < b.staleAfter) inconclusive(`only ${seqs.length} event(s) came of the ${b.staleAfter} asked for, and the replay buffer held them all, so cursor 0 was not stale`, EMIT_HINT_TEXT);
        else inconclusive(`the replay buffer held all ${seqs.length} events, so cursor 0 was not stale yet`, `harness.builtins.staleAfter above the size of the target's replay buffer (it is ${b.staleAfter})`);
        return;
      }
      report(
        'stale-cursor-unhandled',
        `events-since(0) after ${b.staleAfter} events did not answer stale (${es.stalePath} is ${JSON.stringify(getPath(stale.msg, es.stalePath))}) and returned ${seqs.length} events${seqs.length ? ` from seq ${seqs[0]}` : ''}: the events before are lost to the client without a word`,
        'A cursor older than the replay buffer must be answered stale, so the client knows to bootstrap again.',
      );
      return;
    }
    const staleLatest = getPath(stale.msg, es.latestSeqPath);
    if (typeof staleLatest !== 'number') report('stale-cursor-unhandled', `the stale answer has no latest seq at ${es.latestSeqPath}`, 'A stale answer must tell the client where history ends.');

    const bs = b.bootstrap!;
    const boot = await callOk(r, 'main', { command: bs.command });
    const sessions = getPath(boot.msg, bs.sessionsPath);
    const bootLatest = getPath(boot.msg, bs.latestSeqPath);
    if (sessionId !== undefined && (!Array.isArray(sessions) || !JSON.stringify(sessions).includes(JSON.stringify(sessionId)))) {
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
