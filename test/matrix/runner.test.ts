import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { snapshotTree, staleReason } from '../../matrix/src/report/commit.js';
import type { CommitState } from '../../matrix/src/report/types.js';
import { readReport } from '../../matrix/src/report/io.js';
import { runMatrix, type RunEvent } from '../../matrix/src/run/runner.js';
import { matrixSettings } from '../../matrix/src/settings.js';
import { MINI_DAEMON, cellDirs, cellDirsLeft, load, ownTmpdir, tempProject, type TempProject } from './helpers.js';

// Cell folders are counted: other files' cells must not be.
ownTmpdir();

const host = hostOs()!;
const other = host === 'linux' ? 'macos' : 'linux';
const unix = process.platform !== 'win32';

const MATRIX = `version: 1
dimensions: { os: [${host}, ${other}], mode: [user, system] }
targets:
  mini:
    command: [node, ${JSON.stringify(MINI_DAEMON)}, --dir, "{{tmp}}"]
    ready: { stdout: '"type":"ready"' }
    secretFiles: ["{{tmp}}/auth.token"]
rows:
  - id: lifecycle.echo
    title: Echo
    area: lifecycle
    tasks: [T-001]
    notApplicable: [{ mode: system, reason: user mode only }]
    check: { kind: shell, run: "echo echo-ok" }
  - id: security.token-leak
    title: A command that prints the token
    area: security
    tasks: [T-002]
    target: mini
    notApplicable: [{ mode: system, reason: user mode only }]
    check: { kind: shell, run: "${unix ? 'cat {{tmp}}/auth.token' : 'type {{tmp}}\\\\auth.token'}" }
  - id: lifecycle.broken
    title: Not required and failing
    area: lifecycle
    tasks: [T-001]
    required: false
    notApplicable: [{ mode: system, reason: user mode only }]
    check: { kind: shell, run: "exit 5" }
`;

const CONFIG = 'name: run\ntasks:\n  sources:\n    - path: RUNBOOK.md\nmatrix:\n  file: cutover.matrix.yaml\n';
const RUNBOOK = '# R\n\n## Phase 1\n\n- [x] `T-001` (`OPS`) Echo works.\n- [x] `T-002` (`SEC`) Token stays secret.\n';

/** Staleness as the gate judges it, with what the report left out. */
const stale = async (dir: string, commit: CommitState) => staleReason(commit, await snapshotTree(dir), commit.excluded);

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

async function project(files: Record<string, string> = {}) {
  const p = await tempProject({ 'cutover.config.yaml': CONFIG, 'RUNBOOK.md': RUNBOOK, 'cutover.matrix.yaml': MATRIX, '.gitignore': '.cutover/\n', ...files }, { git: true });
  projects.push(p);
  return p;
}

async function run(p: TempProject, opts: { filter?: string[]; onEvent?: (e: RunEvent) => void } = {}) {
  const loaded = await load(p.dir);
  const settings = matrixSettings(loaded);
  return runMatrix({ loaded, matrix: loadMatrixFile(settings.matrixFile!), settings, reportFile: settings.report, ...opts });
}

describe('matrix run', () => {
  it('runs this host\'s cells, declares the rest, and ties the report to the commit', async () => {
    const p = await project();
    const before = cellDirs();
    const events: string[] = [];
    const result = await run(p, { onEvent: (e) => events.push(e.type) });
    const byKey = Object.fromEntries(result.report.cells.map((c) => [`${c.row} ${c.os}/${c.mode}`, c.status]));
    expect(byKey).toEqual({
      [`lifecycle.echo ${host}/user`]: 'passed',
      [`lifecycle.echo ${host}/system`]: 'not_applicable',
      [`lifecycle.echo ${other}/user`]: 'skipped',
      [`lifecycle.echo ${other}/system`]: 'not_applicable',
      [`security.token-leak ${host}/user`]: 'passed',
      [`security.token-leak ${host}/system`]: 'not_applicable',
      [`security.token-leak ${other}/user`]: 'skipped',
      [`security.token-leak ${other}/system`]: 'not_applicable',
      [`lifecycle.broken ${host}/user`]: 'failed',
      [`lifecycle.broken ${host}/system`]: 'not_applicable',
      [`lifecycle.broken ${other}/user`]: 'skipped',
      [`lifecycle.broken ${other}/system`]: 'not_applicable',
    });
    expect(result.report.summary).toEqual({ passed: 2, failed: 1, error: 0, not_applicable: 6, skipped: 3 });
    expect(events.filter((e) => e === 'cell-done')).toHaveLength(3);
    // Same file as read back, valid against the shipped report schema.
    expect(readReport(result.reportFile)).toEqual(result.report);
    // Tied to HEAD; the evidence it wrote does not make the tree dirty for the gate.
    expect(result.report.commit).toMatchObject({ sha: p.git('rev-parse', 'HEAD').trim(), dirty: false, scheme: 'inputs-v1', entries: [] });
    expect(result.report.commit.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(result.report.commit.excluded).toEqual(['.cutover/dashboard/', '.cutover/matrix/', 'RUNBOOK.md', 'SIGNOFF.md', 'docs/migration-evidence/']);
    expect(await stale(p.dir, result.report.commit)).toBeUndefined();
    expect(cellDirsLeft(before)).toEqual([]);
  });

  it('writes evidence from what ran, and no secret reaches the report or the evidence', async () => {
    const p = await project();
    const result = await run(p);
    expect(result.evidence.map((w) => [w.taskId, path.relative(p.dir, w.file ?? '')])).toEqual([
      ['T-001', path.join('docs', 'migration-evidence', 'T-001.md')],
      ['T-002', path.join('docs', 'migration-evidence', 'T-002.md')],
    ]);
    const t2 = fs.readFileSync(path.join(p.dir, 'docs/migration-evidence/T-002.md'), 'utf8');
    expect(t2).toMatch(/^# T-002: Token stays secret\./);
    expect(t2).toContain('<!-- cutover:generated verification-output');
    expect(t2).toContain('[REDACTED]');
    const t1 = fs.readFileSync(path.join(p.dir, 'docs/migration-evidence/T-001.md'), 'utf8');
    expect(t1).toContain('echo-ok');
    expect(t1).toMatch(/exit 5/);
    // The token printed by the check is scrubbed everywhere it could have landed.
    const everything = [fs.readFileSync(result.reportFile, 'utf8'), t2, ...result.evidence.flatMap((w) => w.outputFiles.map((f) => fs.readFileSync(f, 'utf8')))].join('\n');
    expect(everything).toContain('[REDACTED]');
    expect(everything).not.toMatch(/\b[0-9a-f]{32}\b/);
  });

  it('--filter runs only matching cells and says so in the report', async () => {
    const p = await project();
    const result = await run(p, { filter: ['area=lifecycle', 'row=lifecycle.e*'] });
    const ran = result.report.cells.filter((c) => c.status !== 'skipped' && c.status !== 'not_applicable');
    expect(ran.map((c) => c.row)).toEqual(['lifecycle.echo']);
    expect(result.report.cells.find((c) => c.row === 'security.token-leak' && c.os === host && c.mode === 'user')!.message).toBe('filtered out (--filter area=lifecycle row=lifecycle.e*)');
    expect(result.report.runs[0]!.filter).toEqual(['area=lifecycle', 'row=lifecycle.e*']);
  });

  it('--filter merges its cells into the report of the same tree; a report of another tree is replaced', async () => {
    const p = await project({ 'src.txt': 'one\n' });
    const full = await run(p);
    const key = (c: { row: string; os: string; mode: string }) => `${c.row} ${c.os}/${c.mode}`;
    const before = new Map(full.report.cells.map((c) => [key(c), c]));
    const again = await run(p, { filter: ['lifecycle.echo'] });
    expect(again.warnings).toEqual([]);
    expect(again.report.runs).toHaveLength(2);
    for (const c of again.report.cells) {
      const old = before.get(key(c))!;
      if (c.row === 'lifecycle.echo' && c.os === host && c.mode === 'user') expect(c.runId).not.toBe(old.runId);
      else expect(c).toEqual(old);
    }
    expect(again.report.summary).toEqual(full.report.summary);
    expect(readReport(again.reportFile)).toEqual(again.report);

    p.write('src.txt', 'two\n');
    const other = await run(p, { filter: ['lifecycle.echo'] });
    expect(other.warnings).toContain('the report already there ran on other versions of the checked files: replaced, not merged');
    expect(other.report.runs).toHaveLength(1);
    expect(other.report.cells.find((c) => c.row === 'lifecycle.broken' && c.os === host && c.mode === 'user')!.status).toBe('skipped');
  });

  it('a dirty tree is fingerprinted: same edits match, other edits make the report stale', async () => {
    const p = await project({ 'src.txt': 'one\n' });
    p.write('src.txt', 'two\n');
    const result = await run(p, { filter: ['lifecycle.echo'] });
    expect(result.report.commit).toMatchObject({ dirty: true, changed: ['src.txt'] });
    expect(await stale(p.dir, result.report.commit)).toBeUndefined();
    p.write('src.txt', 'three\n');
    expect(await stale(p.dir, result.report.commit)).toBe('src.txt changed since the report ran');
    p.write('src.txt', 'one\n');
    expect(await stale(p.dir, result.report.commit)).toBe('src.txt changed since the report ran');
    // Committing the very edits the report ran with keeps it fresh: what matters is the content.
    p.write('src.txt', 'two\n');
    p.git('commit', '-qam', 'the edit');
    expect(await stale(p.dir, result.report.commit)).toBeUndefined();
  });

  it('warns when the tree changes while the matrix runs', async () => {
    const p = await project({
      'cutover.matrix.yaml': `version: 1\ndimensions: { os: [${host}], mode: [user] }\nrows:\n  - { id: edits, title: Edits a tracked file, area: lifecycle, tasks: [T-001], check: { kind: shell, run: [node, -e, "require('fs').writeFileSync('src.txt', 'changed')"] } }\n`,
      'src.txt': 'one\n',
    });
    const result = await run(p);
    expect(result.warnings.some((w) => /the work tree changed while the matrix ran \(src\.txt\)/.test(w))).toBe(true);
  });

  it('outside git, the report says why it has no commit', async () => {
    const p = await tempProject({ 'cutover.config.yaml': CONFIG, 'RUNBOOK.md': RUNBOOK, 'cutover.matrix.yaml': MATRIX });
    projects.push(p);
    const result = await run(p, { filter: ['lifecycle.echo'] });
    expect(result.report.commit.sha).toBeNull();
    expect(result.report.commit.reason).toMatch(/not a git work tree/);
    expect(await stale(p.dir, result.report.commit)).toMatch(/^the report is not tied to a commit/);
  });
});
