import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { normalize, REPO_ROOT, runBuiltCli } from '../support/cli.js';
import { tempProject } from '../matrix/helpers.js';
import type { TempProject } from '../matrix/helpers.js';
import { SEEDS, completedSeedProject, runMatrixIn } from './helpers.js';

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

describe('cutover gate (built CLI)', () => {
  it('PASS on a complete project: exit 0, dashboard and markdown summary written', async () => {
    const p = await completedSeedProject(SEEDS.master);
    projects.push(p);
    await runMatrixIn(p.dir);
    const r = await runBuiltCli(['gate', '--os', 'host', '--summary', 'summary.md'], { cwd: p.dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The verdict names what it covered, and the opt-out with its reason.
    expect(r.stdout).toMatch(/^cutover gate \(seed\): PASS for (linux|macos|windows); contract not required: the seed projects have no sources to extract a contract from\n/);
    const md = fs.readFileSync(path.join(p.dir, 'summary.md'), 'utf8');
    expect(md).toMatch(/^## cutover gate \(seed\): ✅ PASS\n\n\*\*PASS for (linux|macos|windows); contract not required: the seed projects have no sources to extract a contract from\*\*\n/);
    expect(fs.existsSync(path.join(p.dir, '.cutover/dashboard/index.html'))).toBe(true);
  });

  it('BLOCK: exit 1, the top reasons with hints, --explain lists all, --json is one document', async () => {
    const p = await completedSeedProject(SEEDS.internal, (q) => {
      const file = path.join(q.dir, 'RUNBOOK.md');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/- \[x\] `INT-P1-/g, '- [ ] `INT-P1-'));
    });
    projects.push(p);
    await runMatrixIn(p.dir);
    const top = await runBuiltCli(['gate', '--os', 'host', '--top', '3', '--no-dashboard'], { cwd: p.dir });
    expect(top.code).toBe(1);
    const text = normalize(top.stdout, { [p.dir]: '<project>' });
    expect(text).toMatch(/^cutover gate \(seed\): BLOCK for \w+; contract not required: [^\n]* — 10 blocking reasons\n/);
    // Ten open tasks are one group: counted, three examples, the hint once.
    expect(text).toContain(
      [
        '  1. ✗ 10 tasks are not done — not started ×10 [gate-task-open ×10]',
        '       RUNBOOK.md:54  INT-P1-001 is not started ([ ]) — ARCH, Phase 1 Internal Tasks - Runtime Extraction Without Behavior Change',
        '       RUNBOOK.md:55  INT-P1-002 is not started ([ ]) — ARCH, Phase 1 Internal Tasks - Runtime Extraction Without Behavior Change',
      ].join('\n'),
    );
    expect(text).toContain('       … and 7 more\n       → Finish and verify the task, write its evidence, then mark it done.');
    expect(text).toMatch(/Tasks by owner:\n  owner +done +not started/);

    const all = await runBuiltCli(['gate', '--os', 'host', '--explain', '--no-dashboard'], { cwd: p.dir });
    // --explain lists every reason of every group.
    expect(all.stdout.match(/^ {7}RUNBOOK\.md:\d+ {2}INT-P1-0\d\d is not started/gm)).toHaveLength(10);

    const json = await runBuiltCli(['gate', '--os', 'host', '--json', '--no-dashboard'], { cwd: p.dir });
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ ok: false, verdict: 'BLOCK' });
    expect(doc.reasons).toHaveLength(10);
    expect(doc.counts.total).toMatchObject({ total: 132, done: 122, not_started: 10 });
  });

  it('an invalid config is a usage error (exit 2), never a verdict', async () => {
    const p = await completedSeedProject(SEEDS.master, (q) => q.write('cutover.config.yaml', 'gate:\n  top: 0\n'));
    projects.push(p);
    const r = await runBuiltCli(['gate'], { cwd: p.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gate\.top: expected a number >= 1, found number 0/);
  });

  it.skipIf(process.platform === 'win32')('a reader that leaves early (| head -1) ends it quietly, with the verdict\'s exit code', async () => {
    // 132 open tasks: far more JSON than a pipe holds, so writes go on after head has gone.
    const p = await tempProject({ 'cutover.config.yaml': 'tasks:\n  sources:\n    - path: RUNBOOK.md\n', 'RUNBOOK.md': fs.readFileSync(SEEDS.internal, 'utf8') });
    projects.push(p);
    const cli = path.join(REPO_ROOT, 'bin/cutover.js');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" gate --json --no-dashboard | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: p.dir, encoding: 'utf8' });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.stderr.trim()).toBe('exit=1');
  });
});
