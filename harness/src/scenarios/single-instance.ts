import { settlesWithin } from '../../../core/src/wait.js';
import type { BuiltinScenario } from './builtin.js';
import { attempt, callOk } from './helpers.js';
import { needs } from './resolve.js';

/** A second daemon on the same data dir must refuse to run, and the first must not notice. */
export const singleInstance: BuiltinScenario = {
  name: 'single-instance',
  description: 'A second daemon instance on the same data dir is refused; the first keeps serving.',
  unavailable: (b, s) => needs(b, ['health'], [...(s.new ? [] : ['harness.new']), ...(s.new && !s.new.command ? ['harness.new.command'] : [])]),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    const second = r.transport.spawnSibling()!;
    try {
      const limit = ctx.settings.timeouts.readyMs;
      const ended = await settlesWithin(second.exited, limit);
      if (!ended) {
        report('instance-not-exclusive', `a second instance on the same data dir was still running after ${limit} ms`, 'Take an exclusive lock (pid file, socket probe) before serving.');
      } else if (second.exit?.code === 0 && !second.exit.signal) {
        ctx.onProgress('single-instance: the second instance exited 0 (treated as a refusal)');
      }
    } finally {
      await second.stop(ctx.settings.timeouts.stopMs);
    }
    // The first instance must still answer, on the old and on a new connection.
    const health = await attempt(callOk(r, 'main', b.health!));
    const fresh = await attempt(r.open('after').then(() => callOk(r, 'after', b.health!)));
    if ('error' in health || 'error' in fresh) {
      const e = 'error' in health ? health.error : (fresh as { error: Error }).error;
      report('daemon-unhealthy', `after a second instance tried to start, the first stopped serving: ${e.message}`, 'The refused instance must not touch the running one’s socket or lock.');
    }
  },
};
