// The daemon is reachable by any local process that can open the socket, so the token
// is the only thing between a stranger and the user's agent. These pin that down.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleSandbox } from '../support/example.js';

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

const unixOnly = process.platform === 'win32' ? it.skip : it;

describe('cowork daemon authentication', () => {
  it('refuses a missing token and a wrong token without executing the command', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir());
    const anonymous = await daemon.connect({ token: null });
    const guesser = await daemon.connect({ token: '0'.repeat(64) });

    expect(await anonymous.request('agent_create_session', { title: 'sneaky' })).toMatchObject({ success: false, error: 'unauthorized' });
    expect(await guesser.request('agent_create_session', { title: 'sneaky' })).toMatchObject({ success: false, error: 'unauthorized' });
    expect(await guesser.request('no_such_command')).toMatchObject({ success: false, error: 'unauthorized' });

    const owner = await daemon.connect();
    expect(await owner.request('agent_list_sessions')).toMatchObject({ success: true, result: [] });
  });

  it('pushes events only to connections that have authenticated', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir());
    const anonymous = await daemon.connect({ token: null });
    await anonymous.request('daemon_health'); // refused, so still not subscribed
    const quiet = await daemon.connect(); // holds the token but has not used it yet
    const owner = await daemon.connect();

    await owner.request('agent_create_session', { title: 'private' });
    await owner.waitForEvent('session:created on the authenticated connection', (e) => e.type === 'session:created');
    // A request round trip on each connection proves any event would have arrived by now.
    await anonymous.request('daemon_health');
    await quiet.request('agent_subscribe_events');
    expect(anonymous.events).toEqual([]);
    expect(quiet.events).toEqual([]);

    await owner.request('agent_create_session', { title: 'second' });
    await quiet.waitForEvent('session:created after subscribing', (e) => e.type === 'session:created');
  });

  unixOnly('keeps the token and socket private (0600) and rotates the token on restart', async () => {
    const dataDir = await sandbox.tempDir();
    const first = await sandbox.daemon(dataDir);
    expect(fs.statSync(first.file.token).mode & 0o777).toBe(0o600);
    expect(fs.statSync(first.file.socket).mode & 0o777).toBe(0o600);
    expect(fs.statSync(first.file.socket).isSocket()).toBe(true);
    const oldToken = first.token();
    expect(oldToken).toMatch(/^[0-9a-f]{64}$/);
    await first.stop('SIGTERM');

    const second = await sandbox.daemon(dataDir);
    expect(second.token()).not.toBe(oldToken);
    const stale = await second.connect({ token: oldToken });
    expect(await stale.request('daemon_health')).toMatchObject({ success: false, error: 'unauthorized' });
  });
});
