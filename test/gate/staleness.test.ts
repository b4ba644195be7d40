import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { FIXTURES, tempProject, type TempProject } from '../matrix/helpers.js';
import { runBuiltCli } from '../support/cli.js';
import { gateIn, reasonIds, runMatrixIn } from './helpers.js';

/**
 * A report stays true while people work normally: ticking boxes, signing off, writing evidence
 * prose, committing those, and cutover's own outputs (logs included) do not make it stale; a
 * change to what the checks read does, and the gate names the file.
 */
const BASE = path.join(FIXTURES, 'gate/false-pass');
const host = hostOs()!;
const MATRIX = `version: 1\ndimensions: { os: [${host}], mode: [user] }\nrows:\n  - { id: smoke, title: Smoke, area: lifecycle, tasks: [FP-001], check: { kind: shell, run: [node, src/app.js] } }\n`;

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

async function project(): Promise<TempProject> {
  const files: Record<string, string> = { 'cutover.matrix.yaml': MATRIX, 'src/app.js': 'process.exit(0);\n' };
  for (const f of ['RUNBOOK.md', 'ledger.csv', 'SIGNOFF.md', '.gitignore', ...['FP-001', 'FP-002', 'FP-003', 'FP-L01'].map((id) => `docs/migration-evidence/${id}.md`)]) {
    files[f] = fs.readFileSync(path.join(BASE, f), 'utf8');
  }
  // The harness keeps its logs inside the repository, and they are not ignored.
  files['cutover.config.yaml'] = `${fs.readFileSync(path.join(BASE, 'cutover.config.yaml'), 'utf8')}harness:\n  logDir: logs\n`;
  const p = await tempProject(files, { git: true });
  projects.push(p);
  return p;
}

describe('staleness', () => {
  it('signing off, ticking a box, evidence prose, cutover\'s logs and committing them keep the report fresh', async () => {
    const p = await project();
    await runMatrixIn(p.dir);
    p.write('SIGNOFF.md', `${fs.readFileSync(path.join(p.dir, 'SIGNOFF.md'), 'utf8')}| QA | Barbara Liskov | 2025-06-03 | approved |\n`);
    p.write('RUNBOOK.md', `${fs.readFileSync(path.join(p.dir, 'RUNBOOK.md'), 'utf8')}- [x] \`FP-004\` (\`QA\`) A late task, ticked.\n`);
    p.write('docs/migration-evidence/FP-004.md', fs.readFileSync(path.join(p.dir, 'docs/migration-evidence/FP-003.md'), 'utf8').replace(/FP-003/g, 'FP-004'));
    p.write('docs/migration-evidence/FP-002.md', `${fs.readFileSync(path.join(p.dir, 'docs/migration-evidence/FP-002.md'), 'utf8')}\nA reviewer's note.\n`);
    p.write('logs/new-4242.stderr.log', 'daemon started\n');
    expect((await gateIn(p.dir)).reasons).toEqual([]);
    p.git('add', '-A');
    p.git('commit', '-qm', 'sign off');
    const result = await gateIn(p.dir);
    expect(result.reasons).toEqual([]);
    expect(result.verdict).toBe('PASS');
  });

  it('a changed source file makes it stale, naming the file; so does a new one', async () => {
    const p = await project();
    await runMatrixIn(p.dir);
    p.write('src/app.js', 'process.exit(process.env.FAIL ? 1 : 0);\n');
    let result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-report-stale']);
    expect(result.reasons[0]!.message).toBe('the report is stale: src/app.js changed since the report ran');
    p.git('commit', '-qam', 'change the app');
    p.write('src/extra.js', '// new\n');
    result = await gateIn(p.dir);
    expect(result.reasons[0]!.message).toMatch(/^the report is stale: src\/app\.js, src\/extra\.js changed since the report ran \(at [0-9a-f]{12}, the tree is now at [0-9a-f]{12}\)$/);
  });

  it('a changed config or matrix file makes it stale', async () => {
    const p = await project();
    await runMatrixIn(p.dir);
    p.write('cutover.matrix.yaml', `${MATRIX}  - { id: more, title: More, area: lifecycle, tasks: [FP-002], check: { kind: shell, run: "node -e 0" } }\n`);
    const result = await gateIn(p.dir);
    expect(result.reasons.map((r) => r.message)).toEqual([
      'the report is stale: cutover.matrix.yaml changed since the report ran',
      `more on ${host}/user has no result: the report has no result for it`,
    ]);
  });

  it('shard reports downloaded into the work tree (as CI does) are left out; a report can never ask to leave out a source', async () => {
    const p = await project();
    for (const shard of ['1/2', '2/2']) {
      const r = await runBuiltCli(['matrix', 'run', '--shard', shard, '--out', `matrix-reports/report-${shard.replace('/', 'of')}.json`], { cwd: p.dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await runBuiltCli(['matrix', 'merge', 'matrix-reports'], { cwd: p.dir });
    expect(merged.code, merged.stderr).toBe(0);
    expect((await gateIn(p.dir)).reasons).toEqual([]);

    p.write('src/app.js', 'process.exit(0); // changed\n');
    const file = path.join(p.dir, '.cutover/matrix/report.json');
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    report.commit.excluded.push('src/app.js');
    fs.writeFileSync(file, JSON.stringify(report));
    expect((await gateIn(p.dir)).reasons.map((r) => r.message)).toEqual(['the report is stale: src/app.js changed since the report ran']);
  });
});
