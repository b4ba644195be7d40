// A daemon outlives the app, so it must also outlive its own crashes: what the user was
// asked (a pending permission or question) is on disk before it is on the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleSandbox } from '../support/example.js';

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

describe('cowork daemon crash recovery', () => {
  it('keeps a pending permission through SIGKILL + restart, visible in bootstrap and answerable', async () => {
    const dataDir = await sandbox.tempDir();
    const before = await sandbox.daemon(dataDir);
    const app = await before.connect();
    const { result: session } = await app.request('agent_create_session', { title: 'crash' });
    const { result: turn } = await app.request('agent_send_message', { sessionId: session.id, content: 'needs permission' });
    const asked = await app.waitForEvent('permission:request', (e) => e.type === 'permission:request');
    await before.stop('SIGKILL');

    const after = await sandbox.daemon(dataDir);
    const reopened = await after.connect();
    const { result: boot } = await reopened.request('agent_get_bootstrap_state');
    expect(boot.pendingPermissions).toEqual([asked.data]);
    expect(boot.runtime[session.id]).toMatchObject({
      runState: 'waiting_permission',
      activeTurnId: turn.turnId,
      pendingPermissions: [asked.data.permissionId],
    });
    // seq continues where the killed daemon stopped: no reuse, no gap.
    expect(boot.latestSeq).toBe(asked.seq);

    await reopened.request('agent_respond_permission', { sessionId: session.id, permissionId: asked.data.permissionId, decision: 'deny' });
    const done = await reopened.waitForEvent('stream:done after the answer', (e) => e.type === 'stream:done');
    expect(reopened.events.map((e) => e.seq)).toEqual(reopened.events.map((_, i) => asked.seq! + 1 + i));
    expect(reopened.events[0]).toMatchObject({ type: 'permission:resolved', data: { decision: 'deny' } });
    expect(done.data).toMatchObject({ turnId: turn.turnId, status: 'completed' });

    const { result: full } = await reopened.request('agent_get_session', { sessionId: session.id });
    expect(full.messages.at(-1)).toMatchObject({ role: 'assistant', content: 'Echo: needs permission Skipped writing notes.md.' });
    const { result: idle } = await reopened.request('agent_get_bootstrap_state');
    expect(idle.pendingPermissions).toEqual([]);
    expect(idle.runtime[session.id]).toMatchObject({ runState: 'idle', activeTurnId: null });
  });

  it('marks a turn that was streaming when the daemon died as interrupted', async () => {
    const dataDir = await sandbox.tempDir();
    const before = await sandbox.daemon(dataDir, { env: { COWORK_CHUNK_DELAY_MS: '20' } });
    const app = await before.connect();
    const { result: session } = await app.request('agent_create_session', {});
    await app.request('agent_send_message', { sessionId: session.id, content: 'chunks:500' });
    await app.waitForEvent('a few chunks', (e) => e.type === 'stream:chunk' && e.data.index === 3);
    await before.stop('SIGKILL');

    const after = await sandbox.daemon(dataDir);
    const reopened = await after.connect();
    const { result: boot } = await reopened.request('agent_get_bootstrap_state');
    expect(boot.runtime[session.id]).toMatchObject({ runState: 'idle', isStreaming: false, activeTurnId: null, lastError: 'turn interrupted by restart' });
    // The session is usable again.
    expect(await reopened.request('agent_send_message', { sessionId: session.id, content: 'still there?' })).toMatchObject({ success: true });
  });
});
