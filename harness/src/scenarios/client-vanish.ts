import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk, createSession, quiet, EMIT_HINT_TEXT, eventsSince, ofType, produceEvents, streams } from './helpers.js';
import { needs } from './resolve.js';

/** A client that vanishes mid-stream (no goodbye, socket reset) leaves the daemon serving everyone else. */
export const clientVanish: BuiltinScenario = {
  name: 'client-vanish',
  description: 'A client vanishing mid-stream does not hurt the daemon or other clients.',
  unavailable: (b, s) => needs(b, ['health', ['sendMessage', 'emit'], ...(streams(b) ? (['createSession'] as const) : [])], s.new ? [] : ['harness.new']),
  async run({ ctx, b, startNew, report, inconclusive }) {
    const r = await startNew();
    await r.open('observer');
    await callOk(r, 'observer', b.health!);
    const observer = r.client('observer');
    const sessionId = b.createSession ? await createSession(r, 'main', b) : undefined;
    const main = r.client('main');
    const mark = await quiet(r, 'main');
    const watch = observer.received.length;
    if (streams(b)) {
      await produceEvents(r, 'main', b, sessionId, b.streamLength);
      let seen = 0;
      await main.waitFor((x) => x.kind === 'event' && ++seen >= 3, 'the first events of the stream', ctx.settings.timeouts.waitMs, mark);
      main.destroy();
      const done = await attempt(observer.waitFor(ofType(b.doneEvent), `the ${b.doneEvent} event on another connection`, ctx.settings.timeouts.waitMs, watch));
      if ('error' in done) report('daemon-unhealthy', `after a client vanished mid-stream, the turn never finished for the other clients: ${done.error.message}`);
    } else {
      await produceEvents(r, 'main', b, sessionId, 3);
      await main.settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);
      if (!eventsSince(r, 'main', mark).length) {
        inconclusive('no event was emitted, so there was no stream for a client to vanish from', EMIT_HINT_TEXT);
        return;
      }
      main.destroy();
      const from = observer.received.length;
      await produceEvents(r, 'observer', b, sessionId, 1);
      const heard = await attempt(observer.waitFor((x) => x.kind === 'event' && (!b.emit?.event || x.type === b.emit.event), 'an event after a client vanished', ctx.settings.timeouts.waitMs, from));
      if ('error' in heard) report('daemon-unhealthy', `after a client vanished mid-stream, events no longer reach the other clients: ${heard.error.message}`);
    }
    const health = await attempt(callOk(r, 'observer', b.health!));
    if ('error' in health) report('daemon-unhealthy', `after a client vanished mid-stream, the daemon stopped answering: ${health.error.message}`);
    const failed = r.transport.failure();
    if (failed) report('daemon-unhealthy', `the daemon died after a client vanished mid-stream: ${failed.message}`);
  },
};
