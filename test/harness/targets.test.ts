// Targets prepared as the real app prepares them: placeholders in setup params, a failing setup
// step stops the run, cwd and a home folder of its own from placeholders, readiness by a health
// command for a daemon that listens before it can serve.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, TransportError } from '../../core/src/errors.js';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { createBuilder } from '../../harness/src/scenario/builder.js';
import { runBuiltCli } from '../support/cli.js';
import { FAST, FIX, loaded, socketTarget, stdioTarget, tempDir } from './support.js';

const whoami = () => {
  const { builder, steps } = createBuilder();
  builder.send('whoami');
  return { name: 'whoami', steps };
};

const resultOf = (lines: { type: string; message?: unknown }[]) => (lines.find((l) => l.type === 'response')!.message as { success: boolean; result: Record<string, unknown>; error?: string });

describe('setup steps', () => {
  it('expand placeholders in their params, and their answers are not recorded', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('needs-init', { dataDir: true, setup: [{ command: 'initialize', params: { appDataDir: '{{dataDir}}' } }] }), timeouts: FAST }));
    const { trace } = await recordScenario(ctx, whoami());
    expect(resultOf(trace.lines)).toMatchObject({ success: true, result: { appDataDir: '<dataDir>' } });
    expect(trace.lines.filter((l) => l.type === 'response')).toHaveLength(1);
  });

  it('a refused step fails the run with the answer, before anything is recorded', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('needs-init', { setup: [{ command: 'initialize', params: { appDataDir: '/no/such/folder' } }] }), timeouts: FAST }));
    const e = await recordScenario(ctx, whoami()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as Error).message).toBe('old path (stdio): setup step initialize (harness.old.setup[0]) was refused: {"id":"setup-1-1","success":false,"error":"initialize: no such folder \\"/no/such/folder\\""}');
  });

  it('an unanswered step fails the run and says which step it was', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('hang', { setup: [{ command: 'initialize' }] }), timeouts: { ...FAST, responseMs: 800 } }));
    const e = await recordScenario(ctx, whoami()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as Error).message).toMatch(/^old path \(stdio\): setup step initialize \(harness\.old\.setup\[0\]\) failed: timed out after 800 ms waiting for the response to initialize/);
  });

  it('a step naming a placeholder the target lacks is a config error when the config is read, before anything starts', () => {
    const e = (() => {
      try {
        return createContext(loaded({ old: stdioTarget('needs-init', { setup: [{ command: 'initialize', params: { appDataDir: '{{dataDir}}' } }] }), timeouts: FAST }));
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).message).toBe('1 placeholder error in harness.old');
    expect((e as ConfigError).details).toEqual([expect.stringMatching(/cutover\.config\.json {2}harness\.old\.setup\[0\]\.params\.appDataDir: \{\{dataDir\}\} needs dataDir: true \(a data dir of its own\) on the target$/)]);
  });

  it('a typo in a placeholder is named at its file:line, with the placeholders the target has', async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir.path, 'cutover.config.yaml');
      fs.writeFileSync(file, `harness:\n  new:\n    transport: stdio\n    command: node\n    dataDir: true\n    args:\n      - server.js\n      - "{{dataDirr}}"\n    env:\n      LOG: "{{home}}/log"\n`);
      const r = await runBuiltCli(['replay', '--config', file], { cwd: dir.path });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('2 placeholder errors in harness.new');
      expect(r.stderr).toContain('cutover.config.yaml:8  harness.new.args[1]: unknown placeholder {{dataDirr}} (known here: {{configDir}}, {{dataDir}}, {{env.NAME}})');
      expect(r.stderr).toContain('cutover.config.yaml:10  harness.new.env.LOG: {{home}} needs home: true (a home folder of its own) on the target');
    } finally {
      await dir.remove();
    }
  });
});

describe('cwd and home', () => {
  it('cwd: {{dataDir}} is the data dir itself, and home: true gives the target a home of its own', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('', { dataDir: true, home: true, cwd: '{{dataDir}}' }), timeouts: FAST }));
    const { trace } = await recordScenario(ctx, whoami());
    expect(resultOf(trace.lines).result).toMatchObject({ cwd: '<dataDir>', home: '<home>' });
    expect(resultOf(trace.lines).result.home).not.toBe(os.homedir());
  });

  it('the command expands placeholders too', async () => {
    process.env.CUTOVER_TEST_NODE = process.execPath;
    try {
      const ctx = createContext(loaded({ old: stdioTarget('', { command: '{{env.CUTOVER_TEST_NODE}}' }), timeouts: FAST }));
      expect(resultOf((await recordScenario(ctx, whoami())).trace.lines).success).toBe(true);
    } finally {
      delete process.env.CUTOVER_TEST_NODE;
    }
  });

  it('a relative cwd resolves from the config file folder after expansion; a missing one is named', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('', { cwd: 'targets' }), timeouts: FAST }));
    const { trace } = await recordScenario(ctx, whoami());
    expect(resultOf(trace.lines).result.cwd).toBe(path.join('<configDir>', 'targets'));
    const bad = createContext(loaded({ old: stdioTarget('', { cwd: 'no-such-dir' }), timeouts: FAST }));
    const e = await recordScenario(bad, whoami()).catch((x: unknown) => x);
    expect((e as Error).message).toBe(`harness.old.cwd is ${path.join(FIX, 'no-such-dir')}, which does not exist`);
  });
});

describe('readiness by a health command', () => {
  const early = (ready: unknown, warmup = '600') => socketTarget('listen-early', { env: { FIXTURE_MODE: 'listen-early', FIXTURE_WARMUP_MS: warmup }, ready: ready as never });
  const echo = () => {
    const { builder, steps } = createBuilder();
    builder.send('echo', { x: 1 });
    return { name: 'echo', steps };
  };

  it('a daemon that listens before it can serve is ready once the command answers as until says', async () => {
    const ctx = createContext(loaded({ new: early({ command: 'health', until: { 'result.ready': true }, intervalMs: 50 }), timeouts: FAST }));
    const { trace } = await recordScenario(ctx, echo(), { role: 'new' });
    expect(trace.lines.filter((l) => l.type === 'response').map((l) => l.message)).toEqual([{ id: '1', success: true, result: { x: 1 } }]);
  });

  it('without it, "accepts a connection" is not ready enough: the first answers are refusals', async () => {
    const ctx = createContext(loaded({ new: early('none'), timeouts: FAST }));
    const { trace } = await recordScenario(ctx, echo(), { role: 'new' });
    expect(resultOf(trace.lines)).toMatchObject({ success: false, error: 'starting' });
  });

  it('running out of time says what it waited for, with the limit of this target and the last answer', async () => {
    const ctx = createContext(loaded({ new: early({ command: 'health', until: { 'result.ready': true }, timeoutMs: 1200 }, '60000'), timeouts: FAST }));
    const e = await recordScenario(ctx, echo(), { role: 'new' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as Error).message).toMatch(/^timed out after 1200 ms waiting for new path \(socket\) to answer health with result\.ready = true \(last answer: \{"id":"ready-1-\d+","success":true,"result":\{"ready":false\}\}\)$/);
  });

  it('until without a command, or an endpoint without a line, is a config error', () => {
    expect(() => createContext(loaded({ new: early({ until: { ready: true } }) }))).toThrow('harness.new.ready.until needs harness.new.ready.command');
    expect(() => createContext(loaded({ new: early({ endpoint: 'data.socket', command: 'health' }) }))).toThrow('harness.new.ready.endpoint reads the endpoint from the ready line, but harness.new.ready.pattern is not set');
  });
});

describe('cutover record on a target whose setup fails', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await tempDir();
    fs.mkdirSync(path.join(dir.path, 'scenarios'));
    fs.writeFileSync(path.join(dir.path, 'scenarios/who.yaml'), 'steps:\n  - send: whoami\n');
  });
  afterEach(() => dir.remove());

  it('exits 3 with the answer and writes no trace', async () => {
    const old = stdioTarget('needs-init', { setup: [{ command: 'initialize', params: { appDataDir: '{{env.CUTOVER_TEST_APP_DIR}}' } }] });
    fs.writeFileSync(path.join(dir.path, 'cutover.config.json'), JSON.stringify({ harness: { old, scenarios: ['scenarios'], traces: 'traces', timeouts: FAST } }));
    const r = await runBuiltCli(['record'], { cwd: dir.path, env: { CUTOVER_TEST_APP_DIR: path.join(dir.path, 'missing') }, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('setup step initialize (harness.old.setup[0]) was refused');
    expect(r.stderr).toContain(`initialize: no such folder \\"${path.join(dir.path, 'missing')}\\"`);
    expect(fs.existsSync(path.join(dir.path, 'traces'))).toBe(false);
  }, 90_000);
});
