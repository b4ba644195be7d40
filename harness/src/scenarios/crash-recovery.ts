import { getPath } from '../compare/json-path.js';
import type { BuiltinScenario } from './builtin.js';
import { callOk, createSession, ofType, seqOf } from './helpers.js';
import { needs } from './resolve.js';
import { clip } from '../../../core/src/redact/text.js';

/** kill -9 during a turn that waits for a permission; after a restart, bootstrap still has it pending. */
export const crashRecovery: BuiltinScenario = {
  name: 'crash-recovery',
  description: 'kill -9 during a turn with a pending permission, restart: the bootstrap still lists it.',
  unavailable: (b, s) =>
    needs(b, ['createSession', 'sendMessage', 'bootstrap', 'permissionContent', 'permissionEvent'], [...(s.new ? [] : ['harness.new']), ...(s.new && !s.new.command ? ['harness.new.command (cutover must start the daemon to kill it)'] : [])]),
  async run({ ctx, b, startNew, report }) {
    const r = await startNew();
    const sessionId = await createSession(r, 'main', b);
    const main = r.client('main');
    const mark = main.received.length;
    await callOk(r, 'main', b.sendMessage!, { session: sessionId, content: b.permissionContent! });
    const asked = await main.waitFor(ofType(b.permissionEvent!.type), `the ${b.permissionEvent!.type} event`, ctx.settings.timeouts.waitMs, mark);
    const permissionId = getPath(asked.msg, b.permissionEvent!.path);
    if (permissionId === undefined) {
      report('scenario-failed', `the ${b.permissionEvent!.type} event has nothing at ${b.permissionEvent!.path}`, 'Set harness.builtins.permissionEvent.path to where the permission id is.');
      return;
    }
    const askedSeq = seqOf(r, asked.msg);

    ctx.onProgress('crash-recovery: kill -9 and restart');
    await r.exec({ type: 'control', op: 'restart' });

    const bs = b.bootstrap!;
    const boot = await callOk(r, 'main', { command: bs.command });
    const pending = getPath(boot.msg, bs.pendingPermissionsPath);
    if (!Array.isArray(pending) || !pending.some((p) => JSON.stringify(p).includes(JSON.stringify(permissionId)))) {
      report('state-lost-on-restart', `after kill -9 and restart, bootstrap does not list the pending permission ${JSON.stringify(permissionId)} at ${bs.pendingPermissionsPath} (found ${clip(JSON.stringify(pending) ?? 'nothing', 200)})`, 'Pending interactions must be persisted before they are announced.');
    }
    const sessions = getPath(boot.msg, bs.sessionsPath);
    if (!Array.isArray(sessions) || !JSON.stringify(sessions).includes(JSON.stringify(sessionId))) {
      report('state-lost-on-restart', `after kill -9 and restart, bootstrap does not list session ${sessionId}`);
    }
    const latest = getPath(boot.msg, bs.latestSeqPath);
    if (askedSeq !== undefined && (typeof latest !== 'number' || latest < askedSeq)) {
      report('state-lost-on-restart', `after restart the latest seq is ${JSON.stringify(latest)}, behind seq ${askedSeq} that clients already saw (seq must never go back)`);
    }
  },
};
