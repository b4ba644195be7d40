import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../core/src/config/index.js';
import { createRedactor } from '../../core/src/redact.js';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import type { CheckSpec, MatrixFile, MatrixRow, TargetSpec } from '../../matrix/src/matrix-file/types.js';
import { runCell } from '../../matrix/src/run/cell.js';
import { afterAll, expect } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
export const MINI_DAEMON = path.join(FIXTURES, 'matrix/support/mini-daemon.mjs');

export interface TempProject {
  dir: string;
  write(file: string, text: string): void;
  git(...args: string[]): string;
  remove(): Promise<void>;
}

/** A project folder under the OS temp dir (removed by `remove()`), optionally a git repo with one commit. */
export async function tempProject(files: Record<string, string>, opts: { git?: boolean } = {}): Promise<TempProject> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cutover-mx-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  for (const [f, t] of Object.entries(files)) write(f, t);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (opts.git) {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
  }
  return { dir, write, git, remove: () => fs.promises.rm(dir, { recursive: true, force: true }) };
}

export function load(dir: string): Promise<LoadedConfig> {
  return loadConfig({ cwd: dir });
}

/** A one-row matrix around a check spec, for running a check kind on its own. */
export function oneRowMatrix(dir: string, check: CheckSpec, opts: { target?: TargetSpec; targets?: Record<string, TargetSpec>; timeoutMs?: number } = {}): MatrixFile {
  const os = hostOs()!;
  const row: MatrixRow = {
    id: 'row',
    title: 'row',
    area: 'lifecycle',
    tasks: ['T-1'],
    required: true,
    timeoutMs: opts.timeoutMs ?? 20_000,
    notApplicable: [],
    check,
    line: 1,
    ...(opts.target ? { target: 'daemon' } : {}),
  };
  const targets = { ...opts.targets, ...(opts.target ? { daemon: opts.target } : {}) };
  return { file: path.join(dir, 'cutover.matrix.yaml'), dir, hash: '0'.repeat(64), dimensions: { os: [os], mode: ['user'] }, targets, rows: [row] };
}

/** Runs one check kind through the real cell runner (temp dir, target start/stop, limit). */
export async function runCheck(dir: string, check: CheckSpec, opts: { target?: TargetSpec; targets?: Record<string, TargetSpec>; timeoutMs?: number; loaded?: LoadedConfig } = {}) {
  const matrix = oneRowMatrix(dir, check, opts);
  const loaded = opts.loaded ?? { file: path.join(dir, 'cutover.config.json'), dir, config: {} };
  const redactor = createRedactor();
  const outcome = await runCell({ row: matrix.rows[0]!, os: hostOs()!, mode: 'user' }, { matrix, loaded, redactor, progress: () => undefined });
  return { outcome, redactor };
}

export const miniTarget = (...extra: string[]): TargetSpec => ({
  command: ['node', MINI_DAEMON, '--dir', '{{tmp}}', ...extra],
  ready: { stdout: '"type":"ready"', timeoutMs: 10_000 },
  secretFiles: ['{{tmp}}/auth.token'],
});

/** Cutover temp dirs and processes of this test are gone (the global teardown checks the suite as a whole). */
export function cellDirsLeft(before: Set<string>): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('cutover-cell-') && !before.has(n));
}

/**
 * Gives the calling test file a temp folder of its own (os.tmpdir() follows TMPDIR), so that
 * cells other files create meanwhile cannot fail its checks; after the file, no cell folder may be
 * left in it, and it is removed.
 */
export function ownTmpdir(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  afterAll(() => {
    try {
      expect(cellDirsLeft(new Set())).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

export function cellDirs(): Set<string> {
  return new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('cutover-cell-')));
}

export const FORK_DAEMON = path.join(FIXTURES, 'matrix/support/fork-daemon.mjs');

/** Pids and command lines holding `tag`, read with `ps`: a count that shares nothing with cutover's own process tracking. */
export function psWith(tag: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(tag));
}

export function forkTarget(tag: string, ...extra: string[]): TargetSpec {
  return {
    command: ['node', FORK_DAEMON, 'start', '--dir', '{{tmp}}', '--tag', tag, ...extra],
    forks: true,
    pidFile: { path: '{{tmp}}/daemon.pid', field: 'pid' },
    ready: { connect: '{{tmp}}/d.sock', timeoutMs: 10_000 },
    stopTimeoutMs: 3_000,
  };
}

