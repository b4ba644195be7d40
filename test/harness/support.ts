// Shared by the harness tests: configs built in code around the fixture targets, temp dirs
// that are always removed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateConfig, type LoadedConfig } from '../../core/src/config/index.js';
import type { HarnessConfig } from '../../core/src/config/types.generated.js';
import { REPO_ROOT } from '../support/cli.js';

export const FIX = path.join(REPO_ROOT, 'test/fixtures/harness');
export const COWORK_TARGET = path.join(FIX, 'targets/cowork.mjs');

type Target = NonNullable<HarnessConfig['old']>;

/** A validated config whose relative paths resolve from `dir` (as if the config file lived there). */
export function loaded(harness: HarnessConfig, dir = FIX): LoadedConfig {
  return validateConfig({ harness }, path.join(dir, 'cutover.config.json'));
}

/** The cowork fixture on stdio, optionally in a fault mode. */
export function stdioTarget(mode = '', extra: Partial<Target> = {}): Target {
  return { transport: 'stdio', command: 'node', args: [COWORK_TARGET], env: { FIXTURE_MODE: mode }, ...extra };
}

/** The cowork fixture as a daemon on a Unix socket in its own temp data dir, with a token. */
export function socketTarget(mode = '', extra: Partial<Target> = {}): Target {
  return {
    transport: 'socket',
    command: 'node',
    args: [COWORK_TARGET, '--socket', '{{dataDir}}/fixture.sock', '--token-file', '{{dataDir}}/token'],
    env: { FIXTURE_MODE: mode },
    dataDir: true,
    ready: { stream: 'stdout', pattern: '"type":"ready"' },
    endpoint: '{{dataDir}}/fixture.sock',
    token: { file: '{{dataDir}}/token' },
    ...extra,
  };
}

/** Short limits where a wait is meant to run out; a generous one for starting (a busy machine starts node slowly). */
export const FAST = { readyMs: 15_000, responseMs: 3000, waitMs: 5000, settleMs: 50, stopMs: 1000 };

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-test-'));
  return { path: dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Child pids of this process still alive (the harness must leave none). */
export async function liveChildren(): Promise<number[]> {
  if (process.platform !== 'linux') return [];
  const out: number[] = [];
  for (const pid of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || fields[0] === 'Z') continue;
      // The run's orphan guard lives as long as this process, by design (core/src/process/guard.ts).
      if ((await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('cutover-guard.cjs')) continue;
      out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/cowork');
export const EXAMPLE_CONFIG = path.join(EXAMPLE_DIR, 'cutover.config.ts');

/** The example's own config, optionally with the new path's sidecar entry swapped for another copy. */
export async function exampleConfig(newEntry?: string, timeouts: Record<string, number> = {}): Promise<LoadedConfig> {
  const { loadConfig } = await import('../../core/src/config/index.js');
  const base = await loadConfig({ configPath: EXAMPLE_CONFIG });
  if (!newEntry && !Object.keys(timeouts).length) return base;
  const raw = structuredClone(base.config);
  const target = raw.harness!.new!;
  if (newEntry) target.args = [newEntry, ...(target.args ?? []).slice(1)];
  raw.harness!.timeouts = { ...raw.harness!.timeouts, ...timeouts };
  return validateConfig(raw, EXAMPLE_CONFIG);
}
