import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { runBuiltCli } from '../support/cli.js';
import { tempProject, type TempProject } from './helpers.js';

const host = hostOs()!;
const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

const MATRIX = `version: 1
dimensions: { os: [linux, macos, windows], mode: [user] }
rows:
  - { id: one, title: One, area: lifecycle, tasks: [T-001], check: { kind: shell, run: "node -e 0" } }
  - { id: two, title: Two, area: lifecycle, tasks: [T-001], check: { kind: shell, run: "node -e 0" } }
  - { id: three, title: Three, area: security, tasks: [T-001], notApplicable: [{ os: windows, reason: not on windows } ], check: { kind: shell, run: "node -e 0" } }
`;

async function project() {
  const p = await tempProject(
    {
      'cutover.config.yaml': 'matrix:\n  file: cutover.matrix.yaml\n  shardsPerOs: 2\n  evidence: false\n',
      'cutover.matrix.yaml': MATRIX,
      '.gitignore': '.cutover/\nreports/\n',
    },
    { git: true },
  );
  projects.push(p);
  return p;
}

describe('cutover matrix (built CLI)', () => {
  it('plan --format github prints one line for fromJSON', async () => {
    const p = await project();
    const r = await runBuiltCli(['matrix', 'plan', '--format', 'github'], { cwd: p.dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).include.map((j: { name: string }) => j.name)).toEqual(['linux 1/2', 'linux 2/2', 'macos 1/2', 'macos 2/2', 'windows 1/2', 'windows 2/2']);
  });

  it('two shards run, merge into one report, and the merged report has every host cell', async () => {
    const p = await project();
    const reports = path.join(p.dir, 'reports');
    for (const shard of ['1/2', '2/2']) {
      const r = await runBuiltCli(['matrix', 'run', '--shard', shard, '--json', '--out', path.join(reports, `report-${shard.replace('/', 'of')}.json`)], { cwd: p.dir });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.ok).toBe(true);
      expect(r.stderr).toMatch(/PASS/);
    }
    const merged = await runBuiltCli(['matrix', 'merge', 'reports', '--json'], { cwd: p.dir });
    expect(merged.code, merged.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(p.dir, '.cutover/matrix/report.json'), 'utf8'));
    const hostCells = report.cells.filter((c: { os: string }) => c.os === host).map((c: { row: string; status: string }) => `${c.row}:${c.status}`);
    expect(hostCells).toEqual(host === 'windows' ? ['one:passed', 'two:passed', 'three:not_applicable'] : ['one:passed', 'two:passed', 'three:passed']);
    expect(report.runs.map((r: { shard: { index: number } }) => r.shard.index)).toEqual([1, 2]);
  });

  it('a failing required cell exits 1; a bad matrix file exits 2 naming file:line', async () => {
    const p = await project();
    p.write('cutover.matrix.yaml', MATRIX.replace('run: "node -e 0" } }\n  - { id: two', 'run: "node -e \\"process.exit(2)\\"" } }\n  - { id: two'));
    const failed = await runBuiltCli(['matrix', 'run', '--filter', 'one'], { cwd: p.dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/FAIL {2}one \w+\/user: the command exited with code 2 \(expected 0\)/);
    p.write('cutover.matrix.yaml', MATRIX.replace('area: security', 'area: sekurity'));
    const bad = await runBuiltCli(['matrix', 'run'], { cwd: p.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cutover\.matrix\.yaml:6 {2}rows\[2\]\.area: expected one of .*found string "sekurity"; did you mean "security"\?/);
  });
});
