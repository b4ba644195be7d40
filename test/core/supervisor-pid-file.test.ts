import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPidFile } from '../../core/src/process/pid-file.js';
import { supervise } from '../../core/src/process/supervisor.js';
import { createRedactor } from '../../core/src/redact.js';
import { REPO_ROOT } from '../support/cli.js';

const fixture = path.join(REPO_ROOT, 'test/fixtures/core/supervisor/daemonize.mjs');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Pids whose command line holds `tag`, read from `ps`: shares nothing with the supervisor's own tree. */
function psWith(tag: string): Promise<number[]> {
  return new Promise((resolve) => {
    const ps = spawn('ps', ['-eo', 'pid=,args='], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    ps.stdout.on('data', (d: Buffer) => (out += d.toString()));
    ps.once('close', () => resolve(out.split('\n').filter((l) => l.includes(tag)).map((l) => Number(l.trim().split(/\s+/)[0]))));
  });
}

const dirs: string[] = [];
const leftover: number[] = [];
afterEach(() => {
  for (const pid of leftover.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-'));
  dirs.push(d);
  return d;
}

describe('reading PID files', () => {
  it('reads a bare pid, a JSON field and a nested JSON field, and says what is wrong otherwise', () => {
    const d = tempDir();
    const f = (name: string, text: string) => {
      fs.writeFileSync(path.join(d, name), text);
      return path.join(d, name);
    };
    expect(readPidFile({ path: f('a', '4242\n') })).toEqual({ pid: 4242 });
    expect(readPidFile({ path: f('b', '{"pid":17,"port":80}') })).toEqual({ pid: 17 });
    expect(readPidFile({ path: f('c', '{"daemon":{"pid":"23"}}'), field: 'daemon.pid' })).toEqual({ pid: 23 });
    expect(readPidFile({ path: path.join(d, 'none') })).toEqual({ missing: true });
    expect(readPidFile({ path: f('d', '') })).toEqual({ problem: 'it is empty' });
    expect(readPidFile({ path: f('e', 'pid=12') })).toMatchObject({ problem: expect.stringContaining('neither a bare pid nor JSON') });
    expect(readPidFile({ path: f('g', '{"pid":0}') })).toMatchObject({ problem: expect.stringContaining('not a process id') });
    expect(readPidFile({ path: f('h', '{"port":1}') })).toMatchObject({ problem: 'its JSON has no numeric "pid"' });
  });
});

describe.skipIf(process.platform !== 'linux')('a supervised command that forks a daemon and exits', () => {
  it('finds the daemon through its PID file although it cleared its environment and left the group, and ends it', async () => {
    const d = tempDir();
    const pidFile = path.join(d, 'daemon.pid');
    const tag = `cutover-test-daemonize-${process.pid}-${Date.now()}`;
    const p = supervise({ command: 'node', args: [fixture, pidFile, tag], cwd: d, label: 'start', redactor: createRedactor(), pidFiles: [{ path: pidFile }] });
    expect(await p.exited).toEqual({ code: 0, signal: null });
    const daemon = Number(/daemon (\d+)/.exec(p.stdout.held())![1]);
    leftover.push(daemon);
    expect(await psWith(tag)).toEqual([daemon]);
    expect(p.alive).toBe(false);
    expect(p.running).toBe(true);
    expect(p.mainPid()).toBe(daemon);
    expect(p.tree().map((e) => e.pid)).toEqual([daemon]);
    const report = await p.stop(5000);
    expect(report).toMatchObject({ endedBy: 'SIGTERM', descendants: 1, leftovers: [] });
    expect(await psWith(tag)).toEqual([]);
    expect(fs.existsSync(pidFile)).toBe(false);
  });

  it('never claims a process a stale PID file names when that process is older than the command', async () => {
    const d = tempDir();
    const pidFile = path.join(d, 'daemon.pid');
    const stranger = spawn('sleep', ['3600'], { stdio: 'ignore' });
    leftover.push(stranger.pid!);
    fs.writeFileSync(pidFile, `${stranger.pid}\n`);
    // Start times are known to a clock tick (10 ms): the stranger is clearly older than the command.
    await new Promise((r) => setTimeout(r, 100));
    // The command only reads the stale file and exits: the stranger is not its daemon.
    const p = supervise({ command: 'sh', args: ['-c', `cat "${pidFile}"`], cwd: d, label: 'status', redactor: createRedactor(), pidFiles: [{ path: pidFile }] });
    await p.exited;
    expect(p.tree()).toEqual([]);
    expect(p.running).toBe(false);
    await p.stop(1000);
    expect(alive(stranger.pid!)).toBe(true);
  });
});
