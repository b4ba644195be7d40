// The legacy path: the desktop app spawns the sidecar and speaks newline JSON over its
// stdio. These are the behaviours the app relies on and the daemon must not break.
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleSandbox } from '../support/example.js';

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

describe('cowork stdio sidecar', () => {
  it('prints the ready event first and keeps stdout for the protocol', async () => {
    const sidecar = await sandbox.stdio(await sandbox.tempDir());
    expect(sidecar.ready).toEqual({ type: 'ready', data: { transport: 'stdio', pid: sidecar.pid, protocolVersion: 1 } });

    const created = await sidecar.channel.request('agent_create_session', { title: 'Notes' });
    expect(created.success).toBe(true);
    await sidecar.channel.waitForEvent('session:created', (e) => e.type === 'session:created');

    expect(sidecar.channel.badLines).toEqual([]);
    expect(sidecar.stderr).not.toContain('"success"');
  });

  it('refuses every command but initialize and daemon_health until the app sends initialize { appDataDir }', async () => {
    const dataDir = await sandbox.tempDir();
    const sidecar = await sandbox.stdio(dataDir, { initialize: false });
    expect(await sidecar.channel.request('daemon_health')).toMatchObject({ success: true, result: { status: 'starting', ready: false } });
    expect(await sidecar.channel.request('agent_create_session', {})).toEqual({ id: expect.any(String), success: false, error: 'not initialized: send initialize { appDataDir } first' });
    expect(await sidecar.channel.request('initialize', {})).toMatchObject({ success: false, error: 'missing or invalid param: appDataDir (expected string)' });
    expect(await sidecar.channel.request('initialize', { appDataDir: dataDir })).toMatchObject({ success: true, result: { initialized: true, protocolVersion: 1 } });
    expect(await sidecar.channel.request('daemon_health')).toMatchObject({ success: true, result: { status: 'ok', ready: true, sessionCount: 0 } });
    // Sent twice with the same folder (an app that retries), it is answered the same.
    expect(await sidecar.channel.request('initialize', { appDataDir: dataDir })).toMatchObject({ success: true });
    expect(sidecar.channel.events).toEqual([]);
  });

  it('streams events in the legacy envelope, without seq or timestamp', async () => {
    const sidecar = await sandbox.stdio(await sandbox.tempDir());
    const { result: session } = await sidecar.channel.request('agent_create_session', {});
    const { result: turn } = await sidecar.channel.request('agent_send_message', { sessionId: session.id, content: 'hi there' });
    await sidecar.channel.waitForEvent('stream:done', (e) => e.type === 'stream:done');

    const turnEvents = sidecar.channel.events.filter((e) => e.data.turnId === turn.turnId);
    expect(turnEvents.map((e) => e.type)).toEqual(['stream:start', 'stream:chunk', 'stream:chunk', 'stream:chunk', 'stream:done']);
    expect(turnEvents.map((e) => e.data.text).join('')).toBe('Echo: hi there ');
    for (const event of sidecar.channel.events) {
      expect(Object.keys(event).sort()).toEqual(['data', 'sessionId', 'type']);
    }
  });

  it('answers malformed lines and unknown commands, then keeps serving', async () => {
    const sidecar = await sandbox.stdio(await sandbox.tempDir());
    sidecar.channel.send('this is not json');
    expect(await sidecar.channel.waitForResponse(null, 'the malformed-line error')).toEqual({
      id: null,
      success: false,
      error: 'malformed request: not valid JSON',
    });
    expect(await sidecar.channel.request('agent_fly_to_moon')).toMatchObject({ success: false, error: 'unknown command: agent_fly_to_moon' });
    expect(await sidecar.channel.request('daemon_ready')).toMatchObject({ success: true, result: { ready: true } });
  });

  it('exits 0 when stdin closes and restores its sessions on the next start', async () => {
    const dataDir = await sandbox.tempDir();
    const first = await sandbox.stdio(dataDir);
    const { result: session } = await first.channel.request('agent_create_session', { title: 'Kept' });
    first.closeStdin();
    expect(await first.waitForExit('the sidecar to exit after stdin closed')).toEqual({ code: 0, signal: null });

    const second = await sandbox.stdio(dataDir);
    const { result: sessions } = await second.channel.request('agent_list_sessions');
    expect(sessions).toEqual([session]);
  });
});
