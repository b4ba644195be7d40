import { getPath } from '../compare/json-path.js';
import type { Received } from '../client.js';
import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk, createSession, quiet, EMIT_HINT_TEXT, eventsSince, ofType, produceEvents, seqOf, streams } from './helpers.js';
import { needs } from './resolve.js';
import { clip } from '../../../core/src/redact/text.js';

/**
 * Disconnect mid-stream at event k, reconnect, catch up with events-since(k): the events
 * after k arrive once each, none missing, and the live stream goes on from there.
 */
export const catchup: BuiltinScenario = {
  name: 'catchup',
  description: 'Disconnect mid-stream, reconnect and catch up with events-since: nothing missing, nothing duplicated.',
  unavailable: (b, s) => needs(b, [['sendMessage', 'emit'], 'eventsSince', ...(streams(b) ? (['createSession'] as const) : [])], s.new ? [] : ['harness.new']),
  async run({ ctx, b, startNew, report, inconclusive }) {
    const r = await startNew();
    const n = b.streamLength;
    const k = Math.max(2, Math.floor(n / 4));
    const session = b.createSession ? await createSession(r, 'main', b) : undefined;
    const main = r.client('main');
    const mark = await quiet(r, 'main');
    if (streams(b)) {
      await produceEvents(r, 'main', b, session, n);
      let seen = 0;
      await attempt(main.waitFor((x) => x.kind === 'event' && seqOf(r, x.msg) !== undefined && ++seen >= k, `${k} sequenced events`, ctx.settings.timeouts.waitMs, mark));
    } else {
      await produceEvents(r, 'main', b, session, k);
      await main.settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);
    }
    const heard = eventsSince(r, 'main', mark);
    const before = heard.map((x) => seqOf(r, x.msg)).filter((s): s is number => s !== undefined);
    if (!before.length) {
      if (heard.length) inconclusive(`the ${heard.length} event(s) that came carry no seq at ${r.transport.settings.profile.paths.eventSeq}, so there is no cursor to catch up from`, 'events numbered by the protocol (the profile\'s eventSeq path)');
      else inconclusive('no event was emitted, so there was nothing to catch up on', EMIT_HINT_TEXT);
      return;
    }
    const cursor = Math.max(...before);
    main.destroy();
    // Events emitted by calls go on while the client is away, sent from another connection.
    if (!streams(b)) {
      await r.open('driver');
      await produceEvents(r, 'driver', b, session, n - k);
      await r.client('driver').settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);
    }

    const again = await r.open('main');
    const since = await callOk(r, 'main', { command: b.eventsSince!.command, params: { [b.eventsSince!.cursorParam]: cursor } });
    if (getPath(since.msg, b.eventsSince!.stalePath) === true) {
      report('catchup-missing', `events-since(${cursor}) answered "stale" right after a disconnect, so the events after ${cursor} cannot be caught up`, 'The replay buffer must hold at least the events of one turn; raise it, or lower harness.builtins.streamLength.');
      return;
    }
    const events = getPath(since.msg, b.eventsSince!.eventsPath);
    const latest = getPath(since.msg, b.eventsSince!.latestSeqPath);
    if (!Array.isArray(events) || typeof latest !== 'number') {
      report('catchup-missing', `events-since(${cursor}) did not answer {events, latestSeq} at ${b.eventsSince!.eventsPath} / ${b.eventsSince!.latestSeqPath}: ${clip(JSON.stringify(since.msg), 200)}`);
      return;
    }
    const caught = events.map((e) => seqOf(r, e));
    checkRun(caught, cursor + 1, latest, `events-since(${cursor})`, report);

    // A streamed turn's end comes live now, unless the catch-up already had it.
    const done = b.doneEvent;
    if (streams(b) && !events.some((e) => (e as { type?: unknown }).type === done)) {
      const waited = await attempt(again.waitFor(ofType(done), `the ${done} event after the catch-up`, ctx.settings.timeouts.waitMs, since.index + 1));
      if ('error' in waited) {
        report('catchup-missing', `after catching up from seq ${cursor}, the turn's ${done} event never arrived`);
        return;
      }
    }
    const live = again.received.slice(since.index + 1).filter((x: Received) => x.kind === 'event').map((x) => seqOf(r, x.msg)).filter((s): s is number => s !== undefined);
    const last = Math.max(latest, ...live);
    if (live.length) checkRun(live, latest + 1, last, 'the live stream after the catch-up', report);
    const all = new Set([...before, ...caught.filter((s): s is number => s !== undefined), ...live]);
    const first = Math.min(...before);
    const lost: number[] = [];
    for (let s = first; s <= last; s++) if (!all.has(s)) lost.push(s);
    if (lost.length) report('catchup-missing', `after the disconnect at seq ${cursor}, ${lost.length} event(s) never reached the client: seq ${lost.slice(0, 10).join(', ')}${lost.length > 10 ? ', …' : ''}`);
  },
};

/** The seqs must run from `from` to `to`, each once: anything else is a missing or a duplicated event. */
function checkRun(seqs: (number | undefined)[], from: number, to: number, what: string, report: (id: 'catchup-missing' | 'catchup-duplicated', m: string, h?: string) => void): void {
  const counts = new Map<number, number>();
  for (const s of seqs) {
    if (s === undefined) {
      report('catchup-missing', `${what}: an event without a seq`);
      continue;
    }
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const twice = [...counts].filter(([s, c]) => c > 1 || s < from).map(([s]) => s);
  if (twice.length) report('catchup-duplicated', `${what}: seq ${twice.slice(0, 10).join(', ')} delivered again (the client already had ${from - 1} and before, or got it twice)`, 'Events-since must return only events after the cursor, each once.');
  const missing: number[] = [];
  for (let s = from; s <= to; s++) if (!counts.has(s)) missing.push(s);
  if (missing.length) report('catchup-missing', `${what}: seq ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} missing between ${from} and ${to}`);
}
