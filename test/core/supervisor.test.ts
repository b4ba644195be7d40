import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelRun, resetRun } from '../../core/src/cancel.js';
import { CancelledError } from '../../core/src/errors.js';
import { supervise } from '../../core/src/process/supervisor.js';
import { runToEnd } from '../../core/src/process/run.js';
import { createRedactor } from '../../core/src/redact.js';
import { sweepStaleTempDirs } from '../../core/src/tmp.js';
import { withTimeout } from '../../core/src/wait.js';
import { REPO_ROOT } from '../support/cli.js';

const FIX = path.join(REPO_ROOT, 'test/fixtures/core/supervisor');
const fixture = (name: string) => path.join(FIX, name);
const node = process.execPath;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 10_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

const leftover: number[] = [];
afterEach(() => {
  for (const pid of leftover.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe.skipIf(process.platform !== 'linux')('the process supervisor', () => {
  it('stopping ends the whole tree: the group and a descendant that left it with setsid', async () => {
    const p = supervise({ command: 'sh', args: ['-c', `"${node}" "${fixture('fork-and-exit.mjs')}"; exec sleep 3600`], cwd: os.tmpdir(), label: 'tree', redactor: createRedactor() });
    await expect.poll(() => /grandchild (\d+)/.exec(p.stdout.held()), { timeout: 15_000 }).not.toBeNull();
    const grandchild = Number(/grandchild (\d+)/.exec(p.stdout.held())![1]);
    leftover.push(grandchild);
    expect(p.tree().map((e) => e.pid)).toContain(grandchild);
    const report = await p.stop(2000);
    expect(report.endedBy).toBe('SIGTERM');
    expect(report.descendants).toBeGreaterThanOrEqual(1);
    expect(report.leftovers).toEqual([]);
    expect(alive(grandchild)).toBe(false);
    expect(alive(p.pid!)).toBe(false);
  });

  it('escalates to SIGKILL when SIGTERM is ignored, and says so', async () => {
    const p = supervise({ command: 'node', args: [fixture('ignore-term.mjs')], cwd: os.tmpdir(), label: 'stubborn', redactor: createRedactor() });
    await expect.poll(() => p.stdout.held(), { timeout: 15_000 }).toContain('ready');
    const report = await p.stop(300);
    expect(report.endedBy).toBe('SIGKILL');
    expect(report.exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(p.stdout.held()).toContain('ignoring SIGTERM');
  });

  it('keeps a bounded tail of a flood: 64 MiB written, at most the limit held', async () => {
    const p = supervise({ command: 'node', args: [fixture('flood.mjs')], cwd: os.tmpdir(), label: 'flood', redactor: createRedactor(), tailLimit: 64 * 1024 });
    await p.exited;
    await p.stop(1000);
    expect(p.stdout.held().length).toBeLessThanOrEqual(64 * 1024);
    expect(p.stdout.truncated).toBe(true);
    expect(p.stdout.lines).toBe(64 * 512 * 1024);
  });

  it('knows a secret file as soon as it exists: a target that prints its token and fails before ready leaks nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-'));
    try {
      const token = 'canary-token-7f3a9c2e1b';
      const file = path.join(dir, 'auth.token');
      const logFile = path.join(dir, 'logs', 'daemon.stderr.log');
      const p = supervise({
        command: 'node',
        args: [fixture('token-then-fail.mjs'), file, token],
        cwd: dir,
        label: 'daemon',
        redactor: createRedactor(),
        secretFiles: [file],
        logFile: () => logFile,
      });
      await p.exited;
      const tail = p.stderrTail();
      await p.stop(500);
      expect(tail).toContain('starting with token [REDACTED]');
      expect(fs.readFileSync(logFile, 'utf8')).toBe('starting with token [REDACTED] (this line must never be shown)\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start anything once the run is cancelled; waits end at once', async () => {
    try {
      const pending = withTimeout(new Promise(() => {}), { what: 'nothing', timeoutMs: 60_000 });
      cancelRun('SIGTERM');
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
      await expect(pending).rejects.toMatchObject({ exitCode: 143 });
      expect(() => supervise({ command: 'true', cwd: os.tmpdir(), label: 'late', redactor: createRedactor() })).toThrow('interrupted by SIGTERM while starting late');
    } finally {
      resetRun();
    }
  });
});

describe.skipIf(process.platform !== 'linux')('running a command to its end', () => {
  it('a command that backgrounds a process: returns when the command ends, and the background process ends with it', async () => {
    const r = await runToEnd({ command: 'sleep 3600 & echo "started $!"', cwd: os.tmpdir(), timeoutMs: 60_000, redactor: createRedactor() });
    const bg = Number(/started (\d+)/.exec(r.tail())![1]);
    leftover.push(bg);
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(r.stop.descendants).toBe(1);
    expect(await gone(bg)).toBe(true);
  });

  it('a setsid grandchild ends with the command too', async () => {
    const r = await runToEnd({ command: [node, fixture('fork-and-exit.mjs')], cwd: os.tmpdir(), timeoutMs: 60_000, redactor: createRedactor() });
    const grandchild = Number(/grandchild (\d+)/.exec(r.tail())![1]);
    leftover.push(grandchild);
    expect(r.exitCode).toBe(0);
    expect(await gone(grandchild)).toBe(true);
  });

  it('the limit holds even when a background process keeps the output open: stopped, and the truth told', async () => {
    const r = await runToEnd({ command: 'sleep 3600 & echo started; exec sleep 3600', cwd: os.tmpdir(), timeoutMs: 500, graceMs: 500, redactor: createRedactor() });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBe(null);
    expect(r.stop.endedBy).toBe('SIGTERM');
    expect(r.stop.leftovers).toEqual([]);
    expect(r.tail()).toBe('started');
  });

  it('a command that cannot start says so', async () => {
    const r = await runToEnd({ command: ['/nonexistent/cutover-no-such-program'], cwd: os.tmpdir(), timeoutMs: 10_000, redactor: createRedactor() });
    expect(r.spawnError).toMatch(/ENOENT/);
  });
});

describe.skipIf(process.platform !== 'linux')('when cutover itself is killed outright', () => {
  it('the orphan guard ends what it started and removes its temp dirs', async () => {
    const owner = spawn(node, [fixture('owner.mjs'), path.join(REPO_ROOT, 'dist')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    owner.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out.includes('\n'), { timeout: 20_000 }).toBe(true);
    const made = JSON.parse(out.split('\n')[0]!) as { sleeper: number; grandchild: number; dir: string };
    leftover.push(made.sleeper, made.grandchild);
    expect(alive(made.sleeper) && alive(made.grandchild) && fs.existsSync(made.dir)).toBe(true);
    owner.kill('SIGKILL');
    expect(await gone(made.sleeper)).toBe(true);
    expect(await gone(made.grandchild)).toBe(true);
    await expect.poll(() => fs.existsSync(made.dir), { timeout: 10_000 }).toBe(false);
  }, 60_000);

  it('the next start sweeps the temp dirs of runs that died, and only those', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-sweep-'));
    try {
      const dead = 'cutover-cell-999999999-0123abcd-AbC123';
      const live = `cutover-cell-${process.pid}-0123abcd-XyZ789`;
      const other = 'cutover-run-123';
      for (const n of [dead, live, other]) fs.mkdirSync(path.join(root, n));
      expect(sweepStaleTempDirs(root)).toEqual([dead]);
      expect(fs.readdirSync(root).sort()).toEqual([live, other].sort());
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
