import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GateResult } from '../../matrix/src/gate/run-gate.js';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { FIXTURES, tempProject, type TempProject } from '../matrix/helpers.js';
import { files, gateIn, reasonIds, runMatrixIn } from './helpers.js';

/**
 * A complete project whose runbook writes ids the ways teams do (bold, brackets, a Jira link, a
 * colon, bare, a heading), has a status legend with real checkboxes and an example checkbox in
 * an indented code block. It passes; each gap below was once lost and now blocks or is said.
 */
const BASE = path.join(FIXTURES, 'gate/markdown-spellings');
const MATRIX = `version: 1\ndimensions: { os: [${hostOs()}], mode: [user] }\nrows:\n  - { id: smoke, title: Smoke, area: lifecycle, tasks: [PAY-1], check: { kind: shell, run: "node -e 0" } }\n`;

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

async function gate(mutate: (dir: string) => void = () => undefined): Promise<GateResult> {
  const p = await tempProject({ ...files(BASE), 'cutover.matrix.yaml': MATRIX, '.gitignore': '.cutover/\n' });
  projects.push(p);
  mutate(p.dir);
  p.git('init', '-q');
  p.git('add', '-A');
  p.git('commit', '-q', '-m', 'complete');
  await runMatrixIn(p.dir);
  return gateIn(p.dir);
}
const runbook = (dir: string, fn: (s: string) => string) => fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), fn(fs.readFileSync(path.join(dir, 'RUNBOOK.md'), 'utf8')));
const note = (r: GateResult, id: string) => r.rules.find((x) => x.id === id)!.note;

describe('a runbook with ids written every way', () => {
  it('passes when every done task has evidence, counting only tasks with ids as checked', async () => {
    const r = await gate();
    expect(r.reasons).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.verdict).toBe('PASS');
    expect(note(r, 'evidence')).toBe('evidence of 9 done task(s) checked; 2 done task(s) have no id, so no evidence is asked of them');
  });

  it('blocks when a bold id\'s evidence is missing (it was read as a task without an id)', async () => {
    const r = await gate((dir) => fs.rmSync(path.join(dir, 'docs/migration-evidence/PAY-5.md')));
    expect(r.verdict).toBe('BLOCK');
    expect(reasonIds(r)).toEqual(['gate-evidence-invalid']);
    expect(r.reasons[0]!.message).toMatch(/PAY-5/);
  });

  it('blocks when a heading task\'s step is open', async () => {
    const r = await gate((dir) => runbook(dir, (s) => s.replace('- [x] Publish it.', '- [ ] Publish it.')));
    expect(r.reasons.filter((x) => x.id === 'gate-task-open').map((x) => x.message)).toEqual([
      'PAY-17 is in progress (heading: 1 of 2 checkboxes done) — OPS, Phase 1 - Payments',
      '"Publish it." is not started ([ ]) — OPS, Phase 1 - Payments',
    ]);
  });

  it('says so when a done task among tasks with ids has none', async () => {
    const r = await gate((dir) => runbook(dir, (s) => s.replace('- [x] PAY-8 Plain id.', '- [x] PAY-8 Plain id.\n- [x] Forgot the id.')));
    expect(r.reasons).toEqual([]);
    expect(r.warnings.map((x) => [x.id, x.line])).toEqual([['task-no-id', 19]]);
    expect(note(r, 'evidence')).toMatch(/; 3 done task\(s\) have no id/);
  });

  it('blocks a runbook cut to a status table, naming the rows it could not read, and says the matrix coverage was not checked', async () => {
    const r = await gate((dir) => runbook(dir, () => '# Status\n\n| Task | Status |\n| --- | --- |\n| PAY-1 | Done |\n'));
    expect(r.verdict).toBe('BLOCK');
    expect(reasonIds(r)).toEqual(['task-source-empty']);
    expect(r.warnings.map((x) => [x.id, x.line])).toEqual([['task-unread', 5]]);
    expect(r.reasons[0]!.message).toMatch(/holds no task: 1 line\(s\) that look like tasks are not checklist items \(task-unread at line 5\)/);
    expect(note(r, 'matrix')).toBe('1 of 1 required cell(s) passed; task coverage not checked: 1 task list(s) is unreadable or empty (see task-lists)');
  });
});
