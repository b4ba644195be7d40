import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runBuiltCli } from '../support/cli.js';

/**
 * Each service example, as a team would hold it: its own repository (a temp copy committed once),
 * `cutover matrix run` on this machine, then `cutover gate --os host`, which must PASS. The sync
 * daemon's control plane is its contract: manifest lists its commands, and renaming one is
 * breaking drift.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function repoCopy(example: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-example-'));
  dirs.push(root);
  const dir = path.join(root, example);
  fs.cpSync(path.join(REPO_ROOT, 'examples', example), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.cutover`) && !src.includes(`${path.sep}node_modules`),
  });
  const git = (...a: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...a], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'example');
  return dir;
}

describe('the service examples pass their own gate', () => {
  for (const example of ['notes-service', 'sync-daemon', 'cli-daemon']) {
    it(`${example}: matrix run, then gate --os host: PASS`, async () => {
      const dir = repoCopy(example);
      const run = await runBuiltCli(['matrix', 'run'], { cwd: dir, timeoutMs: 120_000 });
      expect(run.code, run.stderr).toBe(0);
      const gate = await runBuiltCli(['gate', '--os', 'host', '--json', '--no-dashboard'], { cwd: dir, timeoutMs: 60_000 });
      const verdict = JSON.parse(gate.stdout) as { verdict: string; headline: string; reasons: { message: string }[] };
      expect({ code: gate.code, verdict: verdict.verdict, reasons: verdict.reasons.map((r) => r.message) }).toEqual({ code: 0, verdict: 'PASS', reasons: [] });
      expect(verdict.headline).toMatch(/^PASS for linux only/);
    }, 180_000);
  }

  it('sync-daemon: manifest lists the control commands; renaming one is breaking drift', async () => {
    const dir = repoCopy('sync-daemon');
    const listed = await runBuiltCli(['manifest', '--json'], { cwd: dir });
    expect(listed.code, listed.stderr).toBe(0);
    const names = (JSON.parse(listed.stdout) as { commands: { commands: { name: string }[] } }).commands.commands.map((c) => c.name);
    expect(names).toEqual(['status', 'stop', 'sync']);
    expect((await runBuiltCli(['drift'], { cwd: dir })).code).toBe(0);
    // Renaming the status request everywhere (the daemon's match arm, the request enum's variant and
    // the client that sends it) renames the wire command: status → health.
    const edit = (file: string, from: RegExp, to: string) => {
      const p = path.join(dir, file);
      const text = fs.readFileSync(p, 'utf8');
      expect(text).toMatch(from);
      fs.writeFileSync(p, text.replace(from, to));
    };
    edit('rust/src/runtime.rs', /"status" =>/, '"health" =>');
    edit('rust/src/protocol.rs', /^(\s*)Status,$/m, '$1Health,');
    edit('rust/src/protocol.rs', /DaemonRequest::Status\b/g, 'DaemonRequest::Health');
    const drift = await runBuiltCli(['drift', '--json'], { cwd: dir });
    expect(drift.code).toBe(1);
    const changes = (JSON.parse(drift.stdout) as { changes: { class: string; message: string }[] }).changes;
    expect(changes.map((c) => `${c.class}: ${c.message}`)).toEqual(['breaking: command status: renamed to health (same schemas); callers of status break']);
  }, 120_000);
});
