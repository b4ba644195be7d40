// One misbehaving client must not hurt the daemon or its other clients.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleSandbox } from '../support/example.js';

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

describe('cowork daemon robustness', () => {
  it('answers malformed lines with id null (or the id it could read) and keeps serving', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir());
    const client = await daemon.connect();
    const cases: Array<[string, string | null, string]> = [
      ['{not json', null, 'malformed request: not valid JSON'],
      ['[1,2,3]', null, 'malformed request: expected a JSON object'],
      ['{"command":"daemon_health"}', null, 'malformed request: missing "id"'],
      ['{"id":"x1"}', 'x1', 'malformed request: missing "command"'],
      ['{"id":"x2","command":"daemon_health","params":[1]}', 'x2', 'malformed request: "params" must be an object'],
    ];
    for (const [line, id, error] of cases) {
      client.send(line);
      expect(await client.waitForResponse(id, `the answer to ${line}`)).toEqual({ id, success: false, error });
    }
    expect(await client.request('daemon_health')).toMatchObject({ success: true, result: { status: 'ok' } });
  });

  it('survives a client that disconnects in the middle of a stream', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir(), { env: { COWORK_CHUNK_DELAY_MS: '2' } });
    const leaver = await daemon.connect();
    const { result: session } = await leaver.request('agent_create_session', {});
    await leaver.request('agent_send_message', { sessionId: session.id, content: 'chunks:200' });
    await leaver.waitForEvent('the tenth chunk', (e) => e.type === 'stream:chunk' && e.data.index === 10);
    leaver.close();

    const stayer = await daemon.connect();
    await stayer.request('agent_subscribe_events');
    const done = await stayer.waitForEvent('stream:done of the abandoned turn', (e) => e.type === 'stream:done');
    expect(done.data).toMatchObject({ status: 'completed', chunkCount: 200 });
    expect(daemon.running).toBe(true);
    expect(await stayer.request('daemon_health')).toMatchObject({ success: true });
  });

  it('serves on loopback tcp when asked, with the same token rules', async () => {
    const dataDir = await sandbox.tempDir();
    const daemon = await sandbox.daemon(dataDir, { args: ['--listen', 'tcp://127.0.0.1:0'] });
    expect(daemon.ready.data).toMatchObject({ transport: 'tcp', pid: daemon.pid });
    expect(daemon.ready.data.socket).toMatch(/^tcp:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(fs.existsSync(daemon.file.socket)).toBe(false);

    const stranger = await daemon.connect({ token: null });
    expect(await stranger.request('agent_list_sessions')).toMatchObject({ success: false, error: 'unauthorized' });
    const client = await daemon.connect();
    const { result: session } = await client.request('agent_create_session', { title: 'over tcp' });
    await client.request('agent_send_message', { sessionId: session.id, content: 'hello' });
    await client.waitForEvent('stream:done over tcp', (e) => e.type === 'stream:done');

    expect(await daemon.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(daemon.file.lock)).toBe(false);
    expect(fs.existsSync(daemon.file.token)).toBe(false);
  });

  it('stops a streaming turn on request', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir(), { env: { COWORK_CHUNK_DELAY_MS: '5' } });
    const client = await daemon.connect();
    const { result: session } = await client.request('agent_create_session', {});
    await client.request('agent_send_message', { sessionId: session.id, content: 'chunks:1000' });
    await client.waitForEvent('the first chunk', (e) => e.type === 'stream:chunk');
    expect(await client.request('agent_send_message', { sessionId: session.id, content: 'again' })).toMatchObject({
      success: false,
      error: expect.stringMatching(/^session busy/),
    });
    expect((await client.request('agent_stop_generation', { sessionId: session.id })).result).toEqual({ stopped: true });
    const done = await client.waitForEvent('stream:done after stop', (e) => e.type === 'stream:done');
    expect(done.data.status).toBe('stopped');
    expect(done.data.chunkCount).toBeLessThan(1000);
  });
});
