import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/cli.js';
import { FIXTURES } from './ts-fixture.js';

const DIR = path.join(FIXTURES, 'check-output');
const check = (...args: string[]) => runBuiltCli(['check', ...args], { cwd: DIR, timeoutMs: 90_000 });

describe('cutover check output (built CLI): summary first, grouped by rule, --quiet, --max-warnings', () => {
  it('starts with the counts by rule and severity, then lists the findings under their rule', async () => {
    const r = await check();
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'cutover check: 1 error, 3 warnings, 0 info',
      '  error   unregistered-invoke      1',
      '  warning invoke-key-mismatch      2',
      '  warning unresolved-name          1',
    ]);
    const headings = lines.filter((l) => /^[a-z-]+ \(\d+ /.test(l));
    expect(headings).toEqual(['unregistered-invoke (1 error)', 'invoke-key-mismatch (2 warnings)', 'unresolved-name (1 warning)']);
    // Each finding sits under its rule's heading.
    const under = (heading: string) => lines.slice(lines.indexOf(heading) + 1).findIndex((l) => l === '');
    expect(under('invoke-key-mismatch (2 warnings)')).toBe(4); // two findings, a hint line each
    expect(r.stdout).toContain("input/src/app.ts:3:44  invoke('list_notes', {folderId, limt})");
    // started_at returns an i64: wide-integer is off unless check.rules turns it on.
    expect(r.stdout).not.toContain('wide-integer');
  }, 120_000);

  it('wide-integer shows when check.rules turns it on', async () => {
    const r = await check('--config', 'wide-on.config.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  warning wide-integer             1');
    expect(r.stdout).toContain('command `started_at`: result is `i64`, wider than 53 bits');
  }, 120_000);

  it('--quiet lists errors only and says how many it left out', async () => {
    const r = await check('--quiet');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(--quiet: 3 warning and info finding(s) not listed below)');
    expect(r.stdout).toContain('unregistered-invoke (1 error)');
    expect(r.stdout).not.toContain('invoke-key-mismatch (2 warnings)');
    expect(r.stdout).not.toContain('limt');
    const json = JSON.parse((await check('--quiet', '--json')).stdout) as { summary: { warning: number }; findings: { severity: string }[] };
    expect(json.summary.warning).toBe(3);
    expect(json.findings.map((f) => f.severity)).toEqual(['error']);
  }, 120_000);

  it('--max-warnings N exits 1 only when the warnings exceed N', async () => {
    const cfg = ['--config', 'warnings-only.config.json'];
    expect((await check(...cfg)).code).toBe(0);
    expect((await check(...cfg, '--max-warnings', '3')).code).toBe(0);
    const over = await check(...cfg, '--max-warnings', '2');
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('3 warnings, more than --max-warnings 2');
    const json = JSON.parse((await check(...cfg, '--max-warnings', '2', '--json')).stdout) as { ok: boolean; maxWarnings: number };
    expect(json).toMatchObject({ ok: false, maxWarnings: 2 });
  }, 180_000);

  it('--max-warnings must be a whole number ≥ 0 (exit 2 with a usage error, before any work)', async () => {
    for (const bad of ['--max-warnings=-1', '--max-warnings=abc', '--max-warnings=1.5']) {
      const r = await check(bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--max-warnings expects a whole number ≥ 0, got "(-1|abc|1\.5)"/);
      expect(r.stdout).toBe('');
    }
  }, 120_000);
});
