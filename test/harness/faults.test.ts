import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../core/src/errors.js';
import { createContext, transportFor } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { Runner } from '../../harness/src/run/runner.js';
import { createBuilder } from '../../harness/src/scenario/builder.js';
import { FAST, liveChildren, loaded, socketTarget, stdioTarget } from './support.js';

function echoScenario() {
  const { builder, steps } = createBuilder();
  builder.send('echo', { hello: 'world' });
  return { name: 'fault', steps };
}

/** Records one request against a target; returns the error it must end with. */
async function failure(old: ReturnType<typeof stdioTarget>, timeouts: Partial<typeof FAST> = {}): Promise<TransportError> {
  const ctx = createContext(loaded({ old, timeouts: { ...FAST, ...timeouts } }));
  const err = await recordScenario(ctx, echoScenario()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TransportError);
  return err as TransportError;
}

afterEach(async () => {
  // Whatever a fault test did, nothing it started may still run.
  expect(await liveChildren()).toEqual([]);
});

describe('a target that misbehaves ends with a clear error (exit 3), never a hang', () => {
  it('hangs: the wait runs out and says what it waited for, with the stderr tail', async () => {
    const e = await failure(stdioTarget('hang'));
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(/timed out after 3000 ms waiting for the response to echo \(id "1"\) from old path \(stdio\) on connection main/);
    expect(e.stderrTail).toContain('fixture cowork starting (mode hang)');
  });

  it('crashes: says it exited and with which code', async () => {
    const e = await failure(stdioTarget('crash'));
    expect(e.message).toMatch(/old path \(stdio\).* exited with code 7/);
    expect(e.stderrTail).toContain('segfault in handler (simulated)');
  });

  it('writes something that is not JSON: shows what it wrote', async () => {
    const e = await failure(stdioTarget('garbage'));
    expect(e.message).toContain('wrote something that is not JSON on connection main: "Error: something went wrong!"');
    expect(e.hint).toMatch(/diagnostics go to stderr/);
  });

  it('sends a 50 MB line: refused at the cap instead of buffered', async () => {
    // Pushing 16 MB through a pipe on a busy machine may take a while: the cap must fire, not the clock.
    const e = await failure(stdioTarget('huge'), { responseMs: 45_000 });
    expect(e.message).toContain('sent a message longer than 16 MB (harness.maxFrameBytes)');
  }, 60_000);

  it('sends a 50 MB answer on a socket: reported as a frame over the limit, not as a timeout', async () => {
    const e = await failure(socketTarget('huge'), { responseMs: 45_000 });
    expect(e.message).toContain('sent a message longer than 16 MB (harness.maxFrameBytes)');
  }, 60_000);

  it('answers with JSON nested 200,000 deep: refused with a clear error, no stack overflow', async () => {
    const e = await failure(stdioTarget('deep'));
    expect(e.message).toContain('sent a message nested deeper than 1000 levels on connection main');
  });

  it('never becomes ready (stdio): the ready wait runs out', async () => {
    const e = await failure(stdioTarget('never-ready'), { readyMs: 3000 });
    expect(e.message).toMatch(/timed out after 3000 ms waiting for the ready message of old path \(stdio\)/);
    expect(e.stderrTail).toContain('warming up, forever');
  });

  it('never becomes ready (daemon): the ready line never comes, and the data dir is removed', async () => {
    const ctx = createContext(loaded({ new: socketTarget('never-ready'), timeouts: { ...FAST, readyMs: 3000 } }));
    const t = transportFor(ctx, 'new');
    const err = await t.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    const dataDir = t.dataDir!;
    expect(fs.existsSync(dataDir)).toBe(true);
    await t.stop();
    expect(err).toBeInstanceOf(TransportError);
    expect((err as Error).message).toMatch(/timed out after 3000 ms waiting for new path \(socket\).* to print a line matching/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('cannot be started at all: names the command', async () => {
    const e = await failure({ transport: 'stdio', command: '/nonexistent/cowork-sidecar' });
    expect(e.message).toMatch(/could not be started: .*ENOENT/);
    expect(e.hint).toContain('/nonexistent/cowork-sidecar');
  });

  it('a socket that never accepts: names the endpoint and the last error', async () => {
    const ctx = createContext(loaded({ new: { transport: 'socket', endpoint: 'tcp://127.0.0.1:9' }, timeouts: { ...FAST, readyMs: 500 } }));
    const t = transportFor(ctx, 'new');
    const err = await t.start().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    await t.stop();
    expect(err?.message).toMatch(/accept connections on tcp:\/\/127\.0\.0\.1:9 \(last attempt: ECONNREFUSED\)/);
  });
});

describe('ending targets', () => {
  it('escalates to SIGKILL when the target ignores SIGTERM', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('ignore-sigterm'), timeouts: { ...FAST, stopMs: 300 } }));
    const t = transportFor(ctx, 'old');
    const runner = new Runner({ transport: t, profile: t.settings.profile, timeouts: ctx.settings.timeouts, maxFrameBytes: 1024 * 1024, source: 'test' });
    // Started and ready: its SIGTERM handler is installed.
    await runner.start();
    const proc = t.process!;
    // Stop the process itself first: closing its stdin would let it exit on its own.
    await t.stop();
    await runner.stop();
    expect(t.stderrTail()).toContain('ignoring SIGTERM');
    expect(proc.exit?.signal).toBe('SIGKILL');
  });

  it('ends the whole process group, grandchildren included', async () => {
    const ctx = createContext(loaded({ old: stdioTarget('grandchild'), timeouts: FAST }));
    const t = transportFor(ctx, 'old');
    await t.start();
    const pgid = t.process!.pid!;
    const inGroup = () => groupMembers(pgid);
    await expect.poll(inGroup, { timeout: 5000 }).toHaveLength(2);
    await t.stop();
    await expect.poll(inGroup, { timeout: 5000 }).toEqual([]);
  });
});

function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid && f[0] !== 'Z') out.push(Number(pid));
    } catch {
      // gone
    }
  }
  return out;
}
