import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { processesOfRun, tempDirsOfRun } from '../support/processes.js';
import { FORK_DAEMON, psWith, tempProject, type TempProject } from './helpers.js';

/**
 * A target that forks its daemon and exits (`mytool daemon start`), with a daemon that clears its
 * environment and leaves the process group, so only its PID file ties it to the run. Nothing of it
 * may be left after a matrix run, however the run ends: found with `ps` by a tag in the daemon's
 * argv (a count that shares nothing with cutover), and by the run's mark in /proc.
 */
const markedBy = processesOfRun;
const dirsOf = tempDirsOfRun;

const tags: string[] = [];
const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});
afterAll(() => {
  for (const tag of tags) for (const line of psWith(tag)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
});

async function project(step: string): Promise<{ dir: string; tag: string }> {
  const tag = `cutover-lifecycle-interrupt-${process.pid}-${tags.length}-${Date.now()}`;
  tags.push(tag);
  const matrix = `version: 1
dimensions: { os: [linux, macos], mode: [user] }
targets:
  forked:
    command: [node, ${JSON.stringify(FORK_DAEMON)}, start, --dir, "{{tmp}}", --clear-env, --tag, ${tag}]
    forks: true
    pidFile: { path: "{{tmp}}/daemon.pid" }
    ready: { connect: "{{tmp}}/d.sock" }
rows:
  - id: lifecycle.forked
    title: Forked
    area: lifecycle
    tasks: [T-1]
    timeoutMs: 120000
    check: { kind: lifecycle, steps: [{ start: forked }, ${step}] }
`;
  const p = await tempProject({ 'cutover.config.json': JSON.stringify({ matrix: { file: 'matrix.yaml', outDir: 'out', evidence: false } }), 'matrix.yaml': matrix });
  projects.push(p);
  return { dir: p.dir, tag };
}

function runCli(dir: string): { pid: number; exited: Promise<number | null>; stderr: () => string; kill: (s: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [CLI, 'matrix', 'run'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  return { pid: child.pid!, exited: new Promise((r) => child.once('exit', (c) => r(c))), stderr: () => stderr, kill: (s) => child.kill(s) };
}

const EXIT: Record<string, number | null> = { SIGINT: 130, SIGTERM: 143, SIGKILL: null };

describe.skipIf(process.platform !== 'linux')('a target that forks and exits leaves nothing behind', () => {
  it('after a run that ends normally', async () => {
    const { dir, tag } = await project('{ expectPidFile: {} }');
    const cli = runCli(dir);
    expect(await cli.exited, cli.stderr()).toBe(0);
    expect(psWith(tag)).toEqual([]);
    expect(markedBy(cli.pid)).toEqual([]);
  }, 90_000);

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    it(`when cutover gets ${signal} while a step waits`, async () => {
      const { dir, tag } = await project('{ expectLog: { pattern: never printed, withinMs: 60000 } }');
      const cli = runCli(dir);
      // The daemon runs; a moment later the run is in the step that waits.
      await expect.poll(() => psWith(tag).length, { timeout: 30_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 500));
      cli.kill(signal);
      expect(await cli.exited).toBe(EXIT[signal]);
      await expect.poll(() => psWith(tag), { timeout: 15_000 }).toEqual([]);
      await expect.poll(() => markedBy(cli.pid), { timeout: 15_000 }).toEqual([]);
      await expect.poll(() => dirsOf(cli.pid), { timeout: 15_000 }).toEqual([]);
    }, 90_000);
  }
});
