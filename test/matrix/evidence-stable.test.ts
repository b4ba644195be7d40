import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/cli.js';
import { tempProject, type TempProject } from './helpers.js';

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

/** Every file under a folder, with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

describe('evidence an identical matrix run writes is byte for byte the same (built CLI)', () => {
  it('two runs on the same sources: same evidence, same run id; the gate still cross-checks the report with it', async () => {
    // A command whose output holds what differs between runs: the time, a duration, the project's own path.
    const noisy = `[node, -e, 'const t = Date.now(); console.log(new Date().toISOString(), process.cwd()); setTimeout(() => console.log("done in " + (Date.now() - t + 1) + " ms"), 20)']`;
    const p = await tempProject(
      {
        'cutover.config.yaml': 'tasks:\n  sources: [{ path: tasks.md }]\nmatrix:\n  file: cutover.matrix.yaml\ngate:\n  require: { contract: false, reason: only the matrix here }\n  signoffs: { roles: [] }\n',
        'tasks.md': '## Phase 1\n\n- [x] `T-001` (`QA`) It runs\n',
        'cutover.matrix.yaml': `version: 1\ndimensions: { os: [linux, macos, windows], mode: [user] }\nrows:\n  - { id: noisy, title: Noisy, area: lifecycle, tasks: [T-001], check: { kind: shell, run: ${noisy} } }\n`,
        '.gitignore': '.cutover/\n',
      },
      { git: true },
    );
    projects.push(p);
    const evidence = path.join(p.dir, 'docs/migration-evidence');
    const report = () => JSON.parse(fs.readFileSync(path.join(p.dir, '.cutover/matrix/report.json'), 'utf8')) as { cells: { row: string; status: string; runId?: string; runs?: { exitCode: number | null; passed: boolean }[] }[] };

    expect((await runBuiltCli(['matrix', 'run'], { cwd: p.dir, timeoutMs: 120_000 })).code).toBe(0);
    const first = snapshot(evidence);
    const firstId = report().cells.find((c) => c.status === 'passed')!.runId;
    // The evidence is committed, as a team would: that changes nothing the checks read.
    p.git('add', '-A');
    p.git('commit', '-q', '-m', 'evidence');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await runBuiltCli(['matrix', 'run'], { cwd: p.dir, timeoutMs: 120_000 })).code).toBe(0);
    expect(snapshot(evidence)).toEqual(first);
    expect(report().cells.find((c) => c.status === 'passed')!.runId).toBe(firstId);
    expect(first['T-001.outputs/1.log']).toBe('<time> {{root}}\ndone in <duration>');

    // The cross-check still holds: a report changed after the run contradicts the evidence of the same run.
    const r = report();
    const cell = r.cells.find((c) => c.status === 'passed')!;
    cell.runs![0]!.exitCode = 7;
    fs.writeFileSync(path.join(p.dir, '.cutover/matrix/report.json'), JSON.stringify(r));
    const gate = await runBuiltCli(['gate', '--os', 'host', '--json', '--no-dashboard'], { cwd: p.dir, timeoutMs: 120_000 });
    expect(gate.code).toBe(1);
    expect((JSON.parse(gate.stdout) as { reasons: { id: string }[] }).reasons.map((x) => x.id)).toContain('gate-report-tampered');
  }, 240_000);
});
