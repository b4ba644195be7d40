import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTasks } from '../../core/src/tasks/index.js';
import { load, tempProject, type TempProject } from '../matrix/helpers.js';
import { SEEDS, completedSeedProject, gateIn, reasonIds, runMatrixIn, taskIds } from './helpers.js';

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});
const track = <T extends TempProject>(p: T) => (projects.push(p), p);

const CONFIG = 'name: seed\ntasks:\n  sources:\n    - path: RUNBOOK.md\n';

describe.each([
  ['internal runbook (000)', SEEDS.internal, 132],
  ['master task breakdown (001)', SEEDS.master, 86],
])('seed %s as it is', (_name, seed, items) => {
  it('parses with every task found, and the gate blocks listing every open task', async () => {
    const text = fs.readFileSync(seed, 'utf8');
    const p = track(await tempProject({ 'cutover.config.yaml': CONFIG, 'RUNBOOK.md': text }));
    const { tasks, findings } = await loadTasks(await load(p.dir));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(tasks).toHaveLength(items);
    expect(tasks.filter((t) => t.id).map((t) => t.id)).toEqual(taskIds(text));

    const result = await gateIn(p.dir);
    expect(result.verdict).toBe('BLOCK');
    const open = result.reasons.filter((r) => r.id === 'gate-task-open');
    expect(open).toHaveLength(items);
    // Every task is named: by id, or by its title when the checklist item has none.
    for (const t of tasks) expect(open.some((r) => r.line === t.line && r.message.includes(t.id ?? t.title.slice(0, 40))), `${t.id ?? t.title}`).toBe(true);
    expect(result.counts.total.not_started).toBe(items);
  });
});

describe('completed copies of the seeds', () => {
  it.each([
    ['internal runbook', SEEDS.internal],
    ['master task breakdown', SEEDS.master],
  ])('%s with valid evidence, a passing matrix and all sign-offs passes', async (_n, seed) => {
    const p = track(await completedSeedProject(seed));
    const run = await runMatrixIn(p.dir);
    expect(run.report.summary.passed).toBe(1);
    const result = await gateIn(p.dir);
    expect(result.reasons).toEqual([]);
    expect(result.verdict).toBe('PASS');
    expect(result.rules.map((r) => `${r.id}:${r.status}`)).toEqual(['task-lists:ok', 'contract:skipped', 'matrix:ok', 'tasks-open:ok', 'evidence:ok', 'signoffs:ok']);
  });
});

describe('each single gap blocks with the right reason', () => {
  const seed = SEEDS.internal;

  it('one open task', async () => {
    const p = track(
      await completedSeedProject(seed, (q) => {
        const file = path.join(q.dir, 'RUNBOOK.md');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('- [x] `INT-P7-004`', '- [-] `INT-P7-004`'));
      }),
    );
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-task-open']);
    expect(result.reasons[0]!.message).toMatch(/^INT-P7-004 is in progress/);
  });

  it('one missing evidence section', async () => {
    const p = track(
      await completedSeedProject(seed, (q) => {
        const file = path.join(q.dir, 'docs/migration-evidence/INT-P3-005.md');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/## Risk Notes\n\n[^\n]*\n/, ''));
      }),
    );
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-evidence-invalid']);
    expect(result.reasons[0]!.file).toBe('docs/migration-evidence/INT-P3-005.md');
    expect(result.reasons[0]!.message).toMatch(/Risk Notes/);
  });

  it('one failed cell', async () => {
    const p = track(await completedSeedProject(seed, undefined, { command: 'node -e "process.exit(4)"' }));
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-cell-failed']);
    expect(result.reasons[0]!.message).toMatch(/^smoke on \w+\/user failed: the command exited with code 4/);
  });

  it('one missing sign-off', async () => {
    const p = track(
      await completedSeedProject(seed, (q) => {
        const file = path.join(q.dir, 'SIGNOFF.md');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^\| SEC .*\n/m, ''));
      }),
    );
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-signoff-missing']);
    expect(result.reasons[0]!.message).toBe('no sign-off from SEC');
  });

  it('one unreadable file (the matrix report is not JSON)', async () => {
    const p = track(await completedSeedProject(seed));
    const run = await runMatrixIn(p.dir);
    fs.writeFileSync(run.reportFile, '{"format": "cutover-matrix-report", "cells": [');
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-input-unreadable']);
    // Truncated: the position is where the text ends, which JSON.parse alone does not say.
    expect(result.reasons[0]!.message).toMatch(/^the matrix report is not valid JSON at line 1, column 47: /);
    expect(result.reasons[0]).toMatchObject({ line: 1 });
    expect(result.rules.find((r) => r.id === 'matrix')!.status).toBe('error');
  });

  it('one unreadable file (the sign-off file is a folder)', async () => {
    const p = track(
      await completedSeedProject(seed, (q) => {
        fs.rmSync(path.join(q.dir, 'SIGNOFF.md'));
        fs.mkdirSync(path.join(q.dir, 'SIGNOFF.md'));
        fs.writeFileSync(path.join(q.dir, 'SIGNOFF.md/keep'), '');
      }),
    );
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-input-unreadable']);
    expect(result.reasons[0]!.message).toMatch(/^cannot read SIGNOFF\.md: it is a folder, not a regular file/);
  });

  it('one unreadable file (the task list is gone)', async () => {
    const p = track(await completedSeedProject(seed));
    await runMatrixIn(p.dir);
    fs.rmSync(path.join(p.dir, 'RUNBOOK.md'));
    const result = await gateIn(p.dir);
    // A task list is not something the checks read: deleting it does not make the report stale.
    expect(reasonIds(result)).toEqual(['task-source-unreadable']);
    expect(result.reasons[0]!.category).toBe('inputs');
  });

  it('a report from another commit', async () => {
    const p = track(await completedSeedProject(seed));
    await runMatrixIn(p.dir);
    p.write('NOTES.md', 'a later change\n');
    p.git('add', 'NOTES.md');
    p.git('commit', '-q', '-m', 'later');
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-report-stale']);
    expect(result.reasons[0]!.message).toMatch(/^the report is stale: NOTES\.md changed since the report ran \(at [0-9a-f]{12}, the tree is now at [0-9a-f]{12}\)$/);
  });

  it('no report at all', async () => {
    const p = track(await completedSeedProject(seed));
    const result = await gateIn(p.dir);
    expect(reasonIds(result)).toEqual(['gate-report-missing']);
  });

  it('a required cell on another OS with no result', async () => {
    const p = track(await completedSeedProject(seed));
    await runMatrixIn(p.dir);
    // The default scope is every OS the matrix declares; this one declares only the host, so widen it.
    const other = process.platform === 'linux' ? 'macos' : 'linux';
    const file = path.join(p.dir, 'cutover.matrix.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/os: \[(\w+)\]/, `os: [$1, ${other}]`));
    p.git('commit', '-qam', 'add an os');
    await runMatrixIn(p.dir);
    const result = await gateIn(p.dir, 'declared');
    expect(reasonIds(result)).toEqual(['gate-cell-missing']);
    expect(result.reasons[0]!.message).toBe(`smoke on ${other}/user has no result: not run (runs on ${other})`);
  });
});
