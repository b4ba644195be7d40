import { getPath } from '../compare/json-path.js';
import type { BuiltinScenario, Builtins } from './builtin.js';
import { attempt, callOk, createSession, quiet, eventsSince, ofType, produceEvents, seqOf, streams } from './helpers.js';
import { needs } from './resolve.js';
import { clip } from '../../../core/src/redact/text.js';

/**
 * kill -9 during a turn that waits for a permission (or, without one configured, after events the
 * emit command caused); after a restart, bootstrap still has the session, the pending permission,
 * and a latest seq not behind what clients saw.
 */
export const crashRecovery: BuiltinScenario = {
  name: 'crash-recovery',
  description: 'kill -9 during a turn with a pending permission (or after emitted events), restart: the bootstrap still lists what was there.',
  unavailable: (b, s) =>
    needs(b, ['createSession', 'bootstrap', ...(permissionTurn(b) ? [] : ([['emit', 'sendMessage']] as const))], [
      ...(s.new ? [] : ['harness.new']),
      ...(s.new && !s.new.command ? ['harness.new.command (cutover must start the daemon to kill it)'] : []),
    ]),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    const sessionId = await createSession(r, 'main', b);
    const main = r.client('main');
    const mark = await quiet(r, 'main');
    let permissionId: unknown;
    let seenSeq: number | undefined;
    if (permissionTurn(b)) {
      await callOk(r, 'main', b.sendMessage!, { session: sessionId, content: b.permissionContent! });
      const asked = await main.waitFor(ofType(b.permissionEvent!.type), `the ${b.permissionEvent!.type} event`, ctx.settings.timeouts.waitMs, mark);
      permissionId = getPath(asked.msg, b.permissionEvent!.path);
      if (permissionId === undefined) {
        report('scenario-failed', `the ${b.permissionEvent!.type} event has nothing at ${b.permissionEvent!.path}`, 'Set harness.builtins.permissionEvent.path to where the permission id is.');
        return;
      }
      seenSeq = seqOf(r, asked.msg);
    } else {
      await produceEvents(r, 'main', b, sessionId, 3);
      if (streams(b)) await attempt(main.waitFor(ofType(b.doneEvent), `the ${b.doneEvent} event`, ctx.settings.timeouts.waitMs, mark));
      else await main.settle(ctx.settings.timeouts.settleMs, ctx.settings.timeouts.waitMs);
      const seqs = eventsSince(r, 'main', mark).map((x) => seqOf(r, x.msg)).filter((s): s is number => s !== undefined);
      seenSeq = seqs.length ? Math.max(...seqs) : undefined;
    }

    ctx.onProgress('crash-recovery: kill -9 and restart');
    await r.exec({ type: 'control', op: 'restart' });

    const bs = b.bootstrap!;
    const boot = await callOk(r, 'main', { command: bs.command });
    if (permissionId !== undefined) {
      const pending = getPath(boot.msg, bs.pendingPermissionsPath);
      if (!Array.isArray(pending) || !pending.some((p) => JSON.stringify(p).includes(JSON.stringify(permissionId)))) {
        report('state-lost-on-restart', `after kill -9 and restart, bootstrap does not list the pending permission ${JSON.stringify(permissionId)} at ${bs.pendingPermissionsPath} (found ${clip(JSON.stringify(pending) ?? 'nothing', 200)})`, 'Pending interactions must be persisted before they are announced.');
      }
    }
    const sessions = getPath(boot.msg, bs.sessionsPath);
    if (!Array.isArray(sessions) || !JSON.stringify(sessions).includes(JSON.stringify(sessionId))) {
      report('state-lost-on-restart', `after kill -9 and restart, bootstrap does not list session ${sessionId}`);
    }
    const latest = getPath(boot.msg, bs.latestSeqPath);
    if (seenSeq !== undefined && (typeof latest !== 'number' || latest < seenSeq)) {
      report('state-lost-on-restart', `after restart the latest seq is ${JSON.stringify(latest)}, behind seq ${seenSeq} that clients already saw (seq must never go back)`);
    }
  },
};

/** A turn that stops for a permission is configured: the strongest crash to recover from. */
function permissionTurn(b: Builtins): boolean {
  return b.sendMessage !== undefined && b.permissionContent !== undefined && b.permissionEvent !== undefined;
}
