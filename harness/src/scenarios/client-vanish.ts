import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk, createSession, ofType, streamContent } from './helpers.js';
import { needs } from './resolve.js';

/** A client that vanishes mid-stream (no goodbye, socket reset) leaves the daemon serving everyone else. */
export const clientVanish: BuiltinScenario = {
  name: 'client-vanish',
  description: 'A client vanishing mid-stream does not hurt the daemon or other clients.',
  unavailable: (b, s) => needs(b, ['createSession', 'sendMessage', 'health'], s.new ? [] : ['harness.new']),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    await r.open('observer');
    await callOk(r, 'observer', b.health!);
    const observer = r.client('observer');
    const sessionId = await createSession(r, 'main', b);
    const main = r.client('main');
    const mark = main.received.length;
    const watch = observer.received.length;
    await callOk(r, 'main', b.sendMessage!, { session: sessionId, content: streamContent(b, b.streamLength) });
    let seen = 0;
    await main.waitFor((x) => x.kind === 'event' && ++seen >= 3, 'the first events of the stream', ctx.settings.timeouts.waitMs, mark);
    main.destroy();
    const done = await attempt(observer.waitFor(ofType(b.doneEvent), `the ${b.doneEvent} event on another connection`, ctx.settings.timeouts.waitMs, watch));
    if ('error' in done) report('daemon-unhealthy', `after a client vanished mid-stream, the turn never finished for the other clients: ${done.error.message}`);
    const health = await attempt(callOk(r, 'observer', b.health!));
    if ('error' in health) report('daemon-unhealthy', `after a client vanished mid-stream, the daemon stopped answering: ${health.error.message}`);
    const failed = r.transport.failure();
    if (failed) report('daemon-unhealthy', `the daemon died after a client vanished mid-stream: ${failed.message}`);
  },
};
