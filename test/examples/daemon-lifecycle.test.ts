// One daemon per data dir, and nothing left behind: the lock refuses a second instance,
// a crashed daemon's lock and socket are taken over, and SIGTERM cleans up after itself.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleSandbox } from '../support/example.js';

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

const unixOnly = process.platform === 'win32' ? it.skip : it;

describe('cowork daemon lifecycle', () => {
  it('refuses a second instance with one line naming the running pid', async () => {
    const dataDir = await sandbox.tempDir();
    const daemon = await sandbox.daemon(dataDir);

    const second = await sandbox.runToExit(['--daemon', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`already running with pid ${daemon.pid}`);

    // The refused start touched nothing: the first daemon still serves on the same files.
    const client = await daemon.connect();
    expect(await client.request('daemon_health')).toMatchObject({ success: true, result: { status: 'ok' } });
  });

  it('also refuses to initialize a stdio sidecar on a data dir a daemon owns', async () => {
    const dataDir = await sandbox.tempDir();
    const daemon = await sandbox.daemon(dataDir);
    const sidecar = await sandbox.stdio(dataDir, { initialize: false });
    const answer = await sidecar.channel.request('initialize', { appDataDir: dataDir });
    expect(answer).toMatchObject({ success: false, error: expect.stringContaining(`pid ${daemon.pid}`) });
    expect(await sidecar.channel.request('agent_list_sessions')).toMatchObject({ success: false, error: 'not initialized: send initialize { appDataDir } first' });
  });

  it('listens before its state is loaded: "starting" answers and daemon_health ready: false until then', async () => {
    const dataDir = await sandbox.tempDir();
    const daemon = await sandbox.daemon(dataDir, { env: { COWORK_STARTUP_DELAY_MS: '1500' }, healthy: false });
    const client = await daemon.connect();
    expect(await client.request('daemon_health')).toMatchObject({ success: true, result: { status: 'starting', ready: false } });
    expect(await client.request('agent_list_sessions')).toMatchObject({ success: false, error: expect.stringMatching(/^starting: /) });
    // Loaded a moment later: the same connection is served from then on.
    const deadline = Date.now() + 15_000;
    let health = await client.request('daemon_health');
    while (health.result?.ready !== true && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      health = await client.request('daemon_health');
    }
    expect(health).toMatchObject({ success: true, result: { status: 'ok', ready: true, sessionCount: 0 } });
    expect(await client.request('agent_list_sessions')).toMatchObject({ success: true, result: [] });
  });

  unixOnly('leaves no socket, lock or token after SIGTERM, and keeps the state', async () => {
    const dataDir = await sandbox.tempDir();
    const daemon = await sandbox.daemon(dataDir);
    const client = await daemon.connect();
    const { result: session } = await client.request('agent_create_session', { title: 'survives' });

    expect(await daemon.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    for (const file of Object.values(daemon.file)) expect(fs.existsSync(file), file).toBe(false);

    const restarted = await sandbox.daemon(dataDir);
    const again = await restarted.connect();
    expect((await again.request('agent_list_sessions')).result).toEqual([session]);
  });

  unixOnly('takes over the lock and socket a SIGKILLed daemon left behind', async () => {
    const dataDir = await sandbox.tempDir();
    const crashed = await sandbox.daemon(dataDir);
    await crashed.stop('SIGKILL');
    expect(fs.existsSync(crashed.file.lock)).toBe(true);
    expect(fs.existsSync(crashed.file.socket)).toBe(true);

    const next = await sandbox.daemon(dataDir);
    expect(fs.readFileSync(next.file.lock, 'utf8').trim()).toBe(String(next.pid));
    const client = await next.connect();
    expect(await client.request('daemon_ready')).toMatchObject({ success: true, result: { ready: true } });
  });

  unixOnly('refuses to start when something else answers on the socket path', async () => {
    const dataDir = await sandbox.tempDir();
    await sandbox.listen(path.join(dataDir, 'cowork.sock'));
    const refused = await sandbox.runToExit(['--daemon', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/socket .*cowork\.sock is already in use/);
    // It released its lock and left the other server's socket alone.
    expect(fs.existsSync(path.join(dataDir, 'daemon.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'cowork.sock'))).toBe(true);
  });

  it('rejects bad usage with exit 2', async () => {
    const dataDir = await sandbox.tempDir();
    const remote = await sandbox.runToExit(['--daemon', '--data-dir', dataDir, '--listen', 'tcp://0.0.0.0:7000']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('loopback only');
    const unknown = await sandbox.runToExit(['--frobnicate']);
    expect(unknown.code).toBe(2);
  });
});
