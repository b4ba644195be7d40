import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterEach, describe, expect, it } from 'vitest';
import { replayMarkdown } from '../../harness/src/report/step-summary.js';
import { driftMarkdown } from '../../manifests/src/report/step-summary.js';
import type { UnitResult } from '../../harness/src/run-harness.js';
import { runBuiltCli } from '../support/cli.js';
import { tempProject, type TempProject } from '../matrix/helpers.js';
import { FIXTURES } from '../manifests/ts-fixture.js';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';

const projects: TempProject[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A GitHub Actions job summary file of its own, and the env that points at it. */
function summaryFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-summary-'));
  dirs.push(dir);
  const file = path.join(dir, 'summary.md');
  return { file, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file }, read: () => fs.readFileSync(file, 'utf8') };
}

describe('what the verbs give CI (built CLI): the job summary and JUnit', () => {
  it('check appends its counts by rule and its errors to $GITHUB_STEP_SUMMARY', async () => {
    const s = summaryFile();
    const r = await runBuiltCli(['check'], { cwd: path.join(FIXTURES, 'check-output'), env: s.env, timeoutMs: 90_000 });
    expect(r.code).toBe(1);
    const md = s.read();
    expect(md).toContain('### cutover check: ❌ 1 error, 3 warnings, 0 info');
    expect(md).toContain('| `unregistered-invoke` | error | 1 |');
    expect(md).toMatch(/^- `input\/src\/[^`]+:\d+:\d+` .+/m);
  }, 120_000);

  it('outside GitHub Actions nothing is appended anywhere', async () => {
    const s = summaryFile();
    await runBuiltCli(['check'], { cwd: path.join(FIXTURES, 'check-output'), env: { GITHUB_STEP_SUMMARY: s.file }, timeoutMs: 90_000 });
    expect(fs.existsSync(s.file)).toBe(false);
  }, 120_000);

  it('matrix run appends the cells it ran and writes JUnit with one testcase per cell (not-applicable ones skipped)', async () => {
    const host = hostOs()!;
    const other = host === 'windows' ? 'linux' : 'windows';
    const p = await tempProject(
      {
        'cutover.config.yaml': 'matrix:\n  file: cutover.matrix.yaml\n  evidence: false\n',
        'cutover.matrix.yaml': `version: 1
dimensions: { os: [${host}, ${other}], mode: [user, system] }
rows:
  - { id: ok, title: Passes, area: lifecycle, tasks: [T-001], check: { kind: shell, run: "node -e 0" } }
  - { id: bad, title: Fails, area: security, tasks: [T-001], notApplicable: [{ mode: system, reason: user mode only }], check: { kind: shell, run: "node -e \\"console.log('x < y & z'); process.exit(3)\\"" } }
`,
        '.gitignore': '.cutover/\nreports/\n',
      },
      { git: true },
    );
    projects.push(p);
    const s = summaryFile();
    const r = await runBuiltCli(['matrix', 'run', '--junit', 'reports/matrix.xml'], { cwd: p.dir, env: s.env, timeoutMs: 120_000 });
    expect(r.code).toBe(1);
    const md = s.read();
    expect(md).toContain(`### cutover matrix run (${host}): ❌ 2 of 3 cell(s) passed`);
    expect(md).toMatch(new RegExp(`\\| \`bad\` \\| ${host}/user \\| ❌ failed \\|`));
    expect(md).toContain('2 cell(s) not applicable, 3 for other machines, shards or filters.');
    const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(p.dir, 'reports/matrix.xml'), 'utf8'), 'text/xml');
    const suite = doc.getElementsByTagName('testsuite')[0]!;
    expect(suite.getAttribute('name')).toBe(`cutover matrix (${host})`);
    expect([suite.getAttribute('tests'), suite.getAttribute('failures'), suite.getAttribute('skipped')]).toEqual(['4', '1', '1']);
    const cases = Array.from(doc.getElementsByTagName('testcase')).map((c) => ({
      name: c.getAttribute('name')!,
      failure: c.getElementsByTagName('failure')[0],
      skipped: c.getElementsByTagName('skipped')[0],
    }));
    expect(cases.map((c) => c.name).sort()).toEqual([`bad ${host}/system`, `bad ${host}/user`, `ok ${host}/system`, `ok ${host}/user`]);
    const failed = cases.find((c) => c.name === `bad ${host}/user`)!;
    expect(failed.failure!.getAttribute('type')).toBe('shell');
    expect(failed.failure!.textContent).toContain('x < y & z');
    expect(cases.find((c) => c.name === `bad ${host}/system`)!.skipped!.getAttribute('message')).toBe('user mode only');
    // Cells of the other OS did not run here: not in this run's JUnit.
    expect(cases.some((c) => c.name.includes(other))).toBe(false);
  }, 180_000);
});

describe('replay in the job summary', () => {
  it('one row per trace and built-in scenario, with the first difference', () => {
    const units: UnitResult[] = [
      { kind: 'trace', name: 'basic', status: 'passed', findings: [], durationMs: 10 },
      { kind: 'trace', name: 'streams|x', status: 'failed', findings: [{ id: 'replay-diff', severity: 'error', message: 'result.title: "a" ≠ "b"' }], durationMs: 10 },
      { kind: 'builtin', name: 'auth', status: 'skipped', findings: [], durationMs: 0, reason: 'no token configured' },
    ];
    const md = replayMarkdown(units, '1 of 2 traces passed', false);
    expect(md.split('\n')).toEqual([
      '### cutover replay: ❌ 1 of 2 traces passed',
      '',
      '| kind | name | result | first difference |',
      '| --- | --- | --- | --- |',
      '| trace | `basic` | ✅ passed |  |',
      '| trace | `streams\\|x` | ❌ failed | 1 difference(s): result.title: "a" ≠ "b" |',
      '| built-in | `auth` | ⏭ skipped | no token configured |',
    ]);
  });
});

describe('drift in the job summary', () => {
  it('lists the classified changes and how to accept the breaking ones', () => {
    const md = driftMarkdown(
      [
        { class: 'breaking', file: 'commands.json', kind: 'command', name: 'agent_stop', message: 'command agent_stop: removed; callers of agent_stop break' },
        { class: 'additive', file: 'events.json', kind: 'event', name: 'tick', message: 'event tick: new event' },
      ],
      [{ id: 'drift-breaking', severity: 'error', message: 'x' }],
    );
    expect(md).toContain('### cutover drift: ❌ 2 changes (1 breaking, 1 additive, 0 metadata)');
    expect(md).toContain('- **breaking** command agent_stop: removed; callers of agent_stop break');
    expect(md).toContain('`cutover drift --accept command:agent_stop --reason "…"`');
    expect(driftMarkdown([], [])).toContain('### cutover drift: ✅ no drift');
  });
});
