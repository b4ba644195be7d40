import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutput } from '../../core/src/output.js';
import { elapsed, heartbeatInterval, startProgress } from '../../core/src/progress.js';
import { REPO_ROOT, runBuiltCli } from '../support/cli.js';
import { tempProject, type TempProject } from '../matrix/helpers.js';

function capture(isTTY: boolean) {
  let text = '';
  const stream = Object.assign(new Writable({ write: (chunk, _enc, cb) => ((text += String(chunk)), cb()) }), { isTTY });
  const out = createOutput({ stdout: stream, stderr: stream, env: isTTY ? {} : { CI: '1' }, color: false });
  return { out, text: () => text };
}

describe('progress with elapsed time and a heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('in plain mode (CI, piped): nothing for a short run, then a heartbeat every interval saying what it is still doing', () => {
    const c = capture(false);
    let t = 0;
    const p = startProgress(c.out, 'cutover check', { heartbeatMs: 10_000, now: () => t });
    p.step('extracting 120 rust file(s)');
    t = 9_000;
    vi.advanceTimersByTime(9_000);
    expect(c.text()).toBe('');
    t = 10_000;
    vi.advanceTimersByTime(1_000);
    t = 20_000;
    vi.advanceTimersByTime(10_000);
    expect(c.text().split('\n').filter(Boolean)).toEqual(['cutover check: still working, 10 s so far: extracting 120 rust file(s)', 'cutover check: still working, 20 s so far: extracting 120 rust file(s)']);
    p.stop();
    vi.advanceTimersByTime(60_000);
    expect(c.text().split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('on a terminal: a live line rewritten every second with the step and the elapsed time, cleared at the end', () => {
    const c = capture(true);
    let t = 0;
    const p = startProgress(c.out, '[2/5] lifecycle.daemon linux/user', { now: () => t });
    p.step('starting the target');
    t = 61_000;
    vi.advanceTimersByTime(1_000);
    expect(c.text()).toContain('[2/5] lifecycle.daemon linux/user (1 min 01 s): starting the target');
    p.stop();
    expect(c.text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('says elapsed time plainly, and takes its interval from CUTOVER_HEARTBEAT_MS', () => {
    expect([elapsed(999), elapsed(4_200), elapsed(65_000), elapsed(600_000)]).toEqual(['0 s', '4 s', '1 min 05 s', '10 min 00 s']);
    expect(heartbeatInterval({})).toBe(10_000);
    expect(heartbeatInterval({ CUTOVER_HEARTBEAT_MS: '250' })).toBe(250);
    expect(heartbeatInterval({ CUTOVER_HEARTBEAT_MS: '-1' })).toBe(10_000);
  });
});

describe('a long matrix cell is never silent (built CLI, plain mode)', () => {
  let p: TempProject | undefined;
  afterEach(async () => p?.remove());

  it('prints heartbeats with the running cell and its elapsed time while it runs', async () => {
    p = await tempProject(
      {
        'cutover.config.yaml': 'matrix:\n  file: cutover.matrix.yaml\n  evidence: false\n',
        'cutover.matrix.yaml': `version: 1\ndimensions: { os: [linux, macos, windows], mode: [user] }\nrows:\n  - { id: slow, title: Slow, area: lifecycle, tasks: [T-001], check: { kind: shell, run: "node -e \\"setTimeout(() => {}, 3000)\\"" } }\n`,
        '.gitignore': '.cutover/\n',
      },
      { git: true },
    );
    const r = await runBuiltCli(['matrix', 'run'], { cwd: p.dir, env: { CUTOVER_HEARTBEAT_MS: '200' }, timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[1\/1\] slow \w+\/user: still working, \d+ s so far: node -e/);
  }, 150_000);
});

describe('the heartbeat keeps time while the main thread is busy (built package)', () => {
  it('prints heartbeats during a synchronous stretch of the main thread, and none after stop()', () => {
    const dist = (f: string) => pathToFileURL(path.join(REPO_ROOT, 'dist/core/src', f)).href;
    const script = `
      const { createOutput } = await import(${JSON.stringify(dist('output.js'))});
      const { startProgress } = await import(${JSON.stringify(dist('progress.js'))});
      const out = createOutput({ env: { CI: '1' } });
      const p = startProgress(out, 'busy', { env: { CUTOVER_HEARTBEAT_MS: '100' } });
      p.step('spinning');
      // The thread starts once the run has lasted the heartbeat interval (at most a second).
      await new Promise((r) => setTimeout(r, 200));
      const until = Date.now() + 1500;
      while (Date.now() < until) {}
      p.stop();
      process.stderr.write('stopped' + String.fromCharCode(10));
      await new Promise((r) => setTimeout(r, 400));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    const beats = lines.filter((l) => /^busy: still working, \d+ s so far: spinning$/.test(l));
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toBe('stopped');
  });

  it.skipIf(process.platform !== 'linux')('a run shorter than a second starts no thread (a thread costs about 30 ms of CPU)', () => {
    const dist = (f: string) => pathToFileURL(path.join(REPO_ROOT, 'dist/core/src', f)).href;
    const script = (ms: number) => `
      const fs = await import('node:fs');
      const { createOutput } = await import(${JSON.stringify(dist('output.js'))});
      const { startProgress } = await import(${JSON.stringify(dist('progress.js'))});
      await fs.promises.readFile(process.execPath, { length: 1 }).catch(() => {});
      const threads = () => fs.readdirSync('/proc/self/task').length;
      const before = threads();
      const p = startProgress(createOutput({ env: { CI: '1' } }), 'run', {});
      await new Promise((r) => setTimeout(r, ${ms}));
      const during = threads();
      p.stop();
      process.stdout.write(String(during - before));
    `;
    const grown = (ms: number) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(ms)], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, r.stderr).toBe(0);
      return Number(r.stdout);
    };
    expect(grown(100)).toBe(0);
    // The check is real: a run that lasts longer does get its thread.
    expect(grown(1500)).toBeGreaterThan(0);
  });

});
