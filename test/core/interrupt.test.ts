import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { processesOfRun, tempDirsOfRun } from '../support/processes.js';
import { FIX, socketTarget, stdioTarget, tempDir } from '../harness/support.js';

/**
 * cutover interrupted at several points of `record`, `replay` and `matrix run`: SIGINT and SIGTERM
 * stop the run where it is (exit 130/143), SIGKILL leaves it to the orphan guard. Afterwards no
 * process and no temp dir of that run is left, found by the run's own mark: every process it
 * started carries CUTOVER_PROC=<its pid>-…, every temp dir it made has <its pid> in its name.
 */
const processesOf = processesOfRun;
const dirsOf = tempDirsOfRun;

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await tempDir();
  fs.cpSync(path.join(FIX, 'cli/scenarios'), path.join(dir.path, 'scenarios'), { recursive: true });
});
afterEach(async () => {
  await dir.remove();
});

function writeConfig(harness: Record<string, unknown>, matrix?: string): void {
  const config = {
    harness: { scenarios: ['scenarios'], traces: 'traces', timeouts: { readyMs: 60_000, responseMs: 60_000, waitMs: 60_000, settleMs: 50 }, ...harness },
    ...(matrix ? { matrix: { file: 'matrix.yaml', outDir: 'out', evidence: false } } : {}),
  };
  fs.writeFileSync(path.join(dir.path, 'cutover.config.json'), JSON.stringify(config, null, 2));
  if (matrix) fs.writeFileSync(path.join(dir.path, 'matrix.yaml'), matrix);
}

function matrixWith(check: string, target: string): string {
  return [
    'version: 1',
    'dimensions: { os: [linux, macos, windows], mode: [user] }',
    'targets:',
    `  daemon: { command: [node, ${JSON.stringify(path.join(FIX, 'targets/cowork.mjs'))}, --socket, "{{tmp}}/s.sock", --token-file, "{{tmp}}/token"], env: { FIXTURE_MODE: ${JSON.stringify(target)} }, ready: { stdout: '"type":"ready"', timeoutMs: 60000 }, secretFiles: ["{{tmp}}/token"] }`,
    'rows:',
    `  - { id: lifecycle.slow, title: Slow, area: lifecycle, tasks: [T-1], target: daemon, timeoutMs: 120000, check: ${check} }`,
    '',
  ].join('\n');
}

/** Starts the CLI, waits until it has a process of its own running (and `settle` ms more), signals it, and checks what is left. */
async function interrupt(args: string[], signal: NodeJS.Signals, settleMs = 300): Promise<{ code: number | null; stderr: string; cliPid: number }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir.path, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const cliPid = child.pid!;
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  await expect.poll(() => processesOf(cliPid).length, { timeout: 30_000 }).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, settleMs));
  child.kill(signal);
  const code = await exited;
  await expect.poll(() => processesOf(cliPid), { timeout: 15_000 }).toEqual([]);
  await expect.poll(() => dirsOf(cliPid), { timeout: 15_000 }).toEqual([]);
  return { code, stderr, cliPid };
}

async function recordClean(): Promise<void> {
  writeConfig({ old: stdioTarget() });
  const r = await new Promise<number | null>((resolve) => {
    const c = spawn(process.execPath, [CLI, 'record', 'basic'], { cwd: dir.path, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    c.once('exit', resolve);
  });
  expect(r).toBe(0);
}

const EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

describe.skipIf(process.platform !== 'linux')('interrupting cutover leaves nothing behind', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during record, while the old path hangs mid-exchange`, async () => {
      writeConfig({ old: stdioTarget('hang') });
      const r = await interrupt(['record', 'basic'], signal);
      expect(r.code).toBe(EXIT[signal]);
      expect(r.stderr).toContain(`${signal} received, stopping what was started`);
      // Mid-exchange as a rule; on a busy machine the signal can come before the target's ready line.
      expect(r.stderr).toMatch(new RegExp(`cutover: stopped: interrupted by ${signal} while waiting for (the response to create|the ready message)`));
    }, 90_000);

    it(`${signal} during replay, while the new path has not become ready`, async () => {
      await recordClean();
      writeConfig({ old: stdioTarget(), new: socketTarget('never-ready') });
      const r = await interrupt(['replay', '--skip-builtins'], signal);
      expect(r.code).toBe(EXIT[signal]);
      expect(r.stderr).toMatch(new RegExp(`interrupted by ${signal} while waiting for .*ready`));
      // Nothing started after the interrupt: no second trace, no built-in scenario.
      expect(r.stderr).not.toMatch(/replay +status/);
    }, 90_000);

    it(`${signal} during matrix run, while a shell check and its background process run beside a target`, async () => {
      writeConfig({}, matrixWith(`{ kind: shell, run: "sleep 3600 & sleep 3600" }`, ''));
      const r = await interrupt(['matrix', 'run'], signal, 1000);
      expect(r.code).toBe(EXIT[signal]);
      expect(fs.existsSync(path.join(dir.path, 'out/report.json'))).toBe(false);
    }, 90_000);

    it(`${signal} during matrix run, while a target is not ready yet`, async () => {
      writeConfig({}, matrixWith(`{ kind: shell, run: "true" }`, 'never-ready'));
      const r = await interrupt(['matrix', 'run'], signal);
      expect(r.code).toBe(EXIT[signal]);
    }, 90_000);
  }

  it('SIGKILL during replay mid-exchange: the orphan guard ends the daemon and removes its data dir', async () => {
    await recordClean();
    writeConfig({ old: stdioTarget(), new: socketTarget('hang') });
    const r = await interrupt(['replay', '--skip-builtins'], 'SIGKILL', 1000);
    expect(r.code).toBe(null);
  }, 90_000);

  it('SIGKILL during matrix run: the shell check, its background process and the target all end', async () => {
    writeConfig({}, matrixWith(`{ kind: shell, run: "sleep 3600 & sleep 3600" }`, ''));
    const r = await interrupt(['matrix', 'run'], 'SIGKILL', 1500);
    expect(r.code).toBe(null);
  }, 90_000);
});
