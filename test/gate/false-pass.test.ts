import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GateResult } from '../../matrix/src/gate/run-gate.js';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { FIXTURES, tempProject, type TempProject } from '../matrix/helpers.js';
import { runBuiltCli } from '../support/cli.js';
import { files, gateIn, reasonIds, runMatrixIn } from './helpers.js';

/**
 * Inputs that once passed the gate and must not: each one BLOCKs (or, for a scoped run, says its
 * scope) with its own finding id. Every case starts from one complete project that PASSes.
 */
const BASE = path.join(FIXTURES, 'gate/false-pass');
const host = hostOs()!;
const other = host === 'linux' ? 'macos' : 'linux';

const matrix = (rows: string, oses: string[] = [host]) => `version: 1\ndimensions: { os: [${oses.join(', ')}], mode: [user] }\nrows:\n${rows}`;
const SMOKE = (run = 'node -e 0') => `  - { id: smoke, title: Smoke, area: lifecycle, tasks: [FP-001], check: { kind: shell, run: ${JSON.stringify(run)} } }\n`;

const projects: TempProject[] = [];
const outside: string[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
  for (const d of outside.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The complete project, changed by `mutate` before its one commit. */
async function project(mutate: (p: TempProject) => void = () => undefined, matrixFile = matrix(SMOKE())): Promise<TempProject> {
  const p = await tempProject({ ...files(BASE), 'cutover.matrix.yaml': matrixFile });
  projects.push(p);
  mutate(p);
  p.git('init', '-q');
  p.git('add', '-A');
  p.git('commit', '-q', '-m', 'complete');
  return p;
}

const edit = (p: TempProject, file: string, fn: (s: string) => string) => fs.writeFileSync(path.join(p.dir, file), fn(fs.readFileSync(path.join(p.dir, file), 'utf8')));
const byId = (r: GateResult, id: string) => r.reasons.filter((x) => x.id === id);

describe('the complete project', () => {
  it('passes, with every rule ok and its scope said', async () => {
    const p = await project();
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(result.reasons).toEqual([]);
    expect(result.verdict).toBe('PASS');
    expect(result.headline).toBe(`PASS for ${host}; contract not required: this fixture has no sources to extract a contract from`);
  });
});

describe('false PASSes that now BLOCK', () => {
  it('1. a nested open checkbox under a done task: the parent is not done', async () => {
    const p = await project((q) => edit(q, 'RUNBOOK.md', (s) => s.replace('Start the daemon on its own.\n', 'Start the daemon on its own.\n  - [ ] `FP-001A` Wire the retry.\n')));
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(result.verdict).toBe('BLOCK');
    expect(reasonIds(result)).toEqual(['task-subtask-open', 'gate-task-open']);
    expect(result.reasons[0]!.message).toBe('FP-001 is marked [x] but its sub-task FP-001A ([ ]) is not done');
    expect(result.reasons[1]!.message).toMatch(/^FP-001A is not started/);
    expect(result.counts.total).toMatchObject({ total: 5, done: 3, in_progress: 1, not_started: 1 });
  });

  it('2. a checkbox inside a blockquote is a task', async () => {
    const p = await project((q) => edit(q, 'RUNBOOK.md', (s) => `${s}\n> Carried over:\n>\n> - [ ] \`FP-004\` (\`QA\`) Soak the daemon for a day.\n`));
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-task-open']);
    expect(result.reasons[0]!.message).toMatch(/^FP-004 is not started \(\[ \]\) — QA/);
  });

  it.each([
    ['a wiped runbook', 'RUNBOOK.md', ''],
    ['a ledger cut to its header', 'ledger.csv', 'id,status,title,owner\n'],
  ])('3. one of two task lists emptied (%s) blocks, naming it', async (_n, file, text) => {
    const p = await project((q) => q.write(file, text));
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['task-source-empty']);
    expect(result.reasons[0]!.file).toBe(file);
  });

  it.skipIf(process.platform === 'win32')('4. evidence through a symlink out of the repository, or an absolute ledger path', async () => {
    const away = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-away-'));
    outside.push(away);
    const p = await project((q) => {
      const ev = path.join(q.dir, 'docs/migration-evidence/FP-002.md');
      fs.renameSync(ev, path.join(away, 'FP-002.md'));
      fs.symlinkSync(path.join(away, 'FP-002.md'), ev);
      q.write('ledger.csv', `id,status,title,owner,evidence\nFP-L01,done,Package the service,OPS,${path.join(away, 'FP-002.md')}\n`);
    });
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-evidence-invalid', 'gate-evidence-invalid']);
    expect(result.reasons.map((r) => [r.data?.finding, r.data?.taskId])).toEqual([
      ['evidence-outside-repository', 'FP-L01'],
      ['evidence-outside-repository', 'FP-002'],
    ]);
  });

  it('5. a sign-off dated in the future cannot outrank a real later rejection', async () => {
    const p = await project((q) => edit(q, 'SIGNOFF.md', (s) => `${s}| SEC | Grace Hopper | 2025-06-05 | rejected |\n| SEC | Mallory | 2099-01-01 | approved |\n`));
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result).sort()).toEqual(['gate-signoff-future', 'gate-signoff-missing']);
    expect(byId(result, 'gate-signoff-missing')[0]!.message).toBe('SEC sign-off is rejected (Grace Hopper, 2025-06-05)');
  });

  describe('6. a hand-edited report.json', () => {
    const failing = () => project(undefined, matrix(SMOKE('node -e "process.exit(3)"')));
    const forge = (file: string, deep: boolean) => {
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      const cell = report.cells.find((c: { row: string; os: string }) => c.row === 'smoke' && c.os === host);
      cell.status = 'passed';
      cell.message = 'exited with 0';
      if (deep) for (const r of cell.runs) Object.assign(r, { passed: true, exitCode: 0 });
      report.summary = { ...report.summary, passed: report.summary.passed + 1, failed: report.summary.failed - 1 };
      fs.writeFileSync(file, JSON.stringify(report, null, 2));
    };

    it('a failed cell flipped to passed contradicts its own runs', async () => {
      const p = await failing();
      const run = await runMatrixIn(p.dir);
      forge(run.reportFile, false);
      const result = await gateIn(p.dir);
      expect(reasonIds(result)).toEqual(['gate-report-tampered']);
      expect(result.reasons[0]!.message).toMatch(/^smoke on \w+\/user says passed, but its run 1 \(.*\) says exit 3, failed$/);
    });

    it('flipped with its runs too: the evidence the same run wrote still says failed, exit 3', async () => {
      const p = await failing();
      const run = await runMatrixIn(p.dir);
      forge(run.reportFile, true);
      const result = await gateIn(p.dir);
      expect(reasonIds(result)).toEqual(['gate-report-tampered']);
      expect(result.reasons[0]!.message).toBe(
        `the report says run 1 of smoke on ${host}/user ended with exit 0, passed; the evidence of FP-001 written by the same run says exit 3, failed`,
      );
    });

    it('a stored output changed after the run no longer has its recorded sha256', async () => {
      const p = await project();
      const run = await runMatrixIn(p.dir);
      fs.appendFileSync(run.evidence[0]!.outputFiles[0]!, 'and one more line\n');
      const result = await gateIn(p.dir);
      expect(reasonIds(result)).toEqual(['gate-report-tampered']);
      expect(result.reasons[0]!.message).toBe('the stored output FP-001.outputs/1.log of FP-001 no longer has the sha256 its evidence records');
    });

    it('a genuine report whose cell could not run (no runs at all) is not called tampered', async () => {
      const rows = `targets:\n  broken: { command: [node, -e, "process.exit(7)"], ready: { stdout: ready, timeoutMs: 5000 } }\n${matrix(`  - { id: smoke, title: Smoke, area: lifecycle, tasks: [FP-001], target: broken, check: { kind: shell, run: "node -e 0" } }\n`).replace(/^version: 1\n/, '')}`;
      const p = await project(undefined, `version: 1\n${rows}`);
      const run = await runMatrixIn(p.dir);
      expect(run.report.cells.find((c) => c.os === host)).toMatchObject({ status: 'error', runs: [] });
      const result = await gateIn(p.dir);
      expect(reasonIds(result)).toEqual(['gate-cell-failed']);
    });

    it('a report that holds a cell twice (failed, then passed) counts the worse, and says so', async () => {
      const p = await failing();
      const run = await runMatrixIn(p.dir);
      const report = JSON.parse(fs.readFileSync(run.reportFile, 'utf8'));
      const cell = report.cells.find((c: { row: string; os: string }) => c.row === 'smoke' && c.os === host);
      report.cells.push({ ...cell, status: 'passed', message: 'exited with 0', runs: [] });
      fs.writeFileSync(run.reportFile, JSON.stringify(report));
      const result = await gateIn(p.dir);
      expect(reasonIds(result).sort()).toEqual(['gate-cell-failed', 'gate-report-duplicate-cell', 'gate-report-tampered']);
      expect(byId(result, 'gate-report-duplicate-cell')[0]!.message).toBe(`the report holds smoke on ${host}/user 2 times (failed, passed): the worse, failed, counts`);
    });
  });

  it('7. no matrix section: blocks unless gate.require opts out with a reason, which every verdict prints', async () => {
    const p = await project((q) => edit(q, 'cutover.config.yaml', (s) => s.replace('matrix:\n  file: cutover.matrix.yaml\n', '')));
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-section-missing']);
    expect(result.reasons[0]!.message).toBe('the release requires a validation matrix that ran and passed, and the config has no matrix section');

    edit(p, 'cutover.config.yaml', (s) => s.replace('    contract: false\n', '    contract: false\n    matrix: false\n').replace('reason: this fixture', 'reason: docs-only release; this fixture'));
    const optedOut = await gateIn(p.dir);
    expect(optedOut.verdict).toBe('PASS');
    expect(optedOut.headline).toBe('PASS; matrix and contract not required: docs-only release; this fixture has no sources to extract a contract from');
    const cli = await runBuiltCli(['gate', '--summary', 'summary.md'], { cwd: p.dir });
    expect(cli.stdout.split('\n')[0]).toBe(`cutover gate (fp): ${optedOut.headline}`);
    expect(fs.readFileSync(path.join(p.dir, 'summary.md'), 'utf8')).toContain(`**${optedOut.headline}**`);
    expect(fs.readFileSync(path.join(p.dir, '.cutover/dashboard/index.html'), 'utf8')).toContain('matrix and contract not required: docs-only release');
    const json = JSON.parse((await runBuiltCli(['gate', '--json', '--no-dashboard'], { cwd: p.dir })).stdout);
    expect(json.scope.notRequired).toEqual([
      { section: 'matrix', reason: 'docs-only release; this fixture has no sources to extract a contract from' },
      { section: 'contract', reason: 'docs-only release; this fixture has no sources to extract a contract from' },
    ]);
  });

  it('8. a --os host PASS names its scope everywhere: text, markdown, JSON, dashboard banner', async () => {
    const p = await project(undefined, matrix(SMOKE(), [host, other]));
    await runMatrixIn(p.dir);
    const want = `PASS for ${host} only — ${other} not run`;
    // The summary goes where CI puts it, outside the tree (a file left in the tree would be an input like any other).
    const text = await runBuiltCli(['gate', '--os', 'host', '--summary', '.cutover/summary.md'], { cwd: p.dir });
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`cutover gate (fp): ${want}; contract not required: this fixture has no sources to extract a contract from`);
    expect(fs.readFileSync(path.join(p.dir, '.cutover/summary.md'), 'utf8')).toContain(`**${want}`);
    const banner = fs.readFileSync(path.join(p.dir, '.cutover/dashboard/index.html'), 'utf8');
    expect(banner).toContain(`PASS for ${host} only — ${other} not run`);
    expect(banner).not.toContain('every rule passed');
    const json = JSON.parse((await runBuiltCli(['gate', '--os', 'host', '--json', '--no-dashboard'], { cwd: p.dir })).stdout);
    expect(json.headline.startsWith(want)).toBe(true);
    expect(json.scope.os).toEqual({ judged: [host], declared: [host, other], notJudged: [{ os: other, ran: false }] });
    // Without --os, every declared OS is required: the same report blocks.
    expect((await runBuiltCli(['gate', '--no-dashboard'], { cwd: p.dir })).code).toBe(1);
  });

  it('9. a row naming a task id that does not exist, and a done task the matrix covers but no row ran', async () => {
    const rows = SMOKE() + '  - { id: typo, title: Typo, area: lifecycle, tasks: [FP-0003], check: { kind: shell, run: "node -e 0" } }\n' + '  - { id: reconnect, title: Reconnect, area: reconnect, tasks: [FP-003], required: false, check: { kind: shell, run: "node -e 0" } }\n';
    const p = await project(undefined, matrix(rows));
    const loaded = await (await import('../matrix/helpers.js')).load(p.dir);
    const { matrixSettings } = await import('../../matrix/src/settings.js');
    const { loadMatrixFile } = await import('../../matrix/src/matrix-file/load.js');
    const { runMatrix } = await import('../../matrix/src/run/runner.js');
    const settings = matrixSettings(loaded);
    await runMatrix({ loaded, matrix: loadMatrixFile(settings.matrixFile!), settings, reportFile: settings.report, filter: ['row=smoke', 'row=typo'] });
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-row-unknown-task', 'gate-task-not-run']);
    expect(result.reasons[0]).toMatchObject({ file: 'cutover.matrix.yaml', line: 5, message: 'row typo names task no task list has: FP-0003' });
    expect(result.reasons[1]).toMatchObject({ file: 'RUNBOOK.md', line: 7, message: `FP-003 is done and the matrix covers it (row reconnect), but none of its cells ran on ${host}` });
  });

  it('10. a matrix whose every required cell in scope is not applicable, or a scope the matrix does not declare, ran nothing', async () => {
    const na = SMOKE().replace('check:', `notApplicable: [{ os: ${host}, reason: not here }], check:`);
    const p = await project(undefined, matrix(na));
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(result.verdict).toBe('BLOCK');
    expect(reasonIds(result)).toEqual(['gate-matrix-empty']);
    expect(result.reasons[0]).toMatchObject({ file: 'cutover.matrix.yaml', message: `no required matrix cell is in scope (${host}): 1 not applicable, so the matrix proves nothing` });

    const elsewhere = await project(undefined, matrix(SMOKE(), [other]));
    await runMatrixIn(elsewhere.dir);
    const scoped = await gateIn(elsewhere.dir);
    expect(scoped.verdict).toBe('BLOCK');
    expect(scoped.reasons.map((x) => x.message)).toEqual([`no required matrix cell is in scope (${host}): ${other} outside the scope, so the matrix proves nothing`]);
  });
});
