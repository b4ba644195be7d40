import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/src/errors.js';
import { createContext, transportFor } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { createBuilder } from '../../harness/src/scenario/builder.js';
import { TRANSPORTS } from '../../harness/src/transports/registry.js';
import { REPO_ROOT } from '../support/cli.js';
import { COWORK_TARGET, FAST, loaded, socketTarget, stdioTarget, tempDir } from './support.js';

describe('transport registry', () => {
  it('registers every transport file; each runs the cowork fixture (test/fixtures/harness/targets)', () => {
    const files = fs.readdirSync(path.join(REPO_ROOT, 'harness/src/transports')).filter((f) => f !== 'transport.ts' && f !== 'registry.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(TRANSPORTS).sort());
    expect(fs.existsSync(COWORK_TARGET)).toBe(true);
  });
});

describe('socket transport', () => {
  it('reads the endpoint from the ready line (tcp, port 0) and presents the token', async () => {
    const target = {
      transport: 'socket' as const,
      command: 'node',
      args: [COWORK_TARGET, '--tcp', '--token-file', '{{dataDir}}/token'],
      dataDir: true,
      ready: { stream: 'stdout' as const, pattern: '"type":"ready"', endpoint: 'data.socket' },
      token: { file: '{{dataDir}}/token' },
    };
    const ctx = createContext(loaded({ new: target, timeouts: FAST }));
    const { builder, steps } = createBuilder();
    builder.send('echo', { over: 'tcp' });
    const { trace } = await recordScenario(ctx, { name: 'tcp', steps }, { role: 'new' });
    expect(trace.lines.find((l) => l.type === 'response')).toMatchObject({ message: { success: true, result: { over: 'tcp' } } });
    // The token was presented (the fixture refuses without it) and never written down.
    const token = JSON.stringify(trace);
    expect(token).not.toMatch(/[0-9a-f]{32}/);
  });

  it('reconnects on demand and, after kill -9 and restart, reads the new token', async () => {
    const ctx = createContext(loaded({ old: socketTarget(), new: socketTarget(), timeouts: FAST }));
    const { builder, steps } = createBuilder();
    builder.send('create', { title: 'before' }, { as: 's', until: 'session:created' });
    builder.disconnect('main', { abrupt: true });
    builder.reconnect('main');
    builder.send('echo', { again: true });
    builder.restart();
    builder.send('echo', { restarted: true });
    const { trace } = await recordScenario(ctx, { name: 'reconnect', steps });
    const conns = trace.lines.filter((l) => l.type === 'response').map((l) => [l.conn, (l.message as { success: boolean }).success]);
    expect(conns).toEqual([
      ['main', true],
      ['main#2', true],
      ['main#3', true],
    ]);
    // The same steps against the other target: same answers.
    expect((await replayTrace(ctx, trace)).findings).toEqual([]);
  });

  it('refuses a tcp endpoint that is not loopback', async () => {
    const ctx = createContext(loaded({ new: { transport: 'socket', endpoint: 'tcp://10.0.0.5:4000' }, timeouts: FAST }));
    const t = transportFor(ctx, 'new');
    await expect(t.start()).rejects.toThrow('harness.new.endpoint: expected tcp://127.0.0.1:PORT (loopback only), found "tcp://10.0.0.5:4000"');
    await t.stop();
  });
});

describe('stderr logs', () => {
  it('keep the whole stderr of each target in harness.logDir, one file per process', async () => {
    const dir = await tempDir();
    try {
      const ctx = createContext(loaded({ old: stdioTarget(), timeouts: FAST, logDir: dir.path }));
      const { builder, steps } = createBuilder();
      builder.send('echo');
      await recordScenario(ctx, { name: 'logs', steps });
      const files = fs.readdirSync(dir.path);
      expect(files).toEqual([expect.stringMatching(/^old-\d+\.stderr\.log$/)]);
      expect(fs.readFileSync(path.join(dir.path, files[0]!), 'utf8')).toBe('fixture cowork starting (mode normal)\n');
    } finally {
      await dir.remove();
    }
  });
});

describe('stdio transport', () => {
  it('cannot reconnect: says so, and what to do instead', async () => {
    const ctx = createContext(loaded({ old: stdioTarget(), timeouts: FAST }));
    const { builder, steps } = createBuilder();
    builder.send('echo');
    builder.reconnect('main');
    const e = await recordScenario(ctx, { name: 'x', steps }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toBe('built-in scenario x: the stdio transport cannot reconnect (use restart)');
  });

  it('restarts: kill -9 and a fresh process on the same data dir', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('', { dataDir: true, args: [COWORK_TARGET, '{{dataDir}}'] }), timeouts: FAST }));
    const { builder, steps } = createBuilder();
    builder.send('echo', { n: 1 });
    builder.restart();
    builder.send('echo', { n: 2 });
    const { trace } = await recordScenario(ctx, { name: 'restart', steps });
    expect(trace.lines.filter((l) => l.type === 'response').map((l) => l.conn)).toEqual(['main', 'main#2']);
  });
});
