import { describe, expect, it } from 'vitest';
import { groupReasons } from '../../matrix/src/gate/group.js';
import { rankReasons } from '../../matrix/src/gate/rank.js';
import type { Reason } from '../../matrix/src/gate/types.js';

const evidence = (task: number, section: string): Reason => ({
  id: 'gate-evidence-invalid',
  severity: 'error',
  category: 'evidence',
  rule: 'evidence',
  message: `no "${section}" section`,
  file: `docs/migration-evidence/T-${task}.md`,
  hint: `Add a "## ${section}" heading with its content.`,
  data: { taskId: `T-${task}`, section, finding: 'evidence-section-missing' },
});

describe('grouped reasons', () => {
  // 85 tasks: 81 lack Rollback Path, 69 lack Risk Notes (65 of them both), 10 lack Behavior Proof.
  const reasons: Reason[] = [];
  for (let t = 1; t <= 85; t++) {
    if (t <= 81) reasons.push(evidence(t, 'Rollback Path'));
    if (t > 16) reasons.push(evidence(t, 'Risk Notes'));
    if (t <= 10) reasons.push(evidence(t, 'Behavior Proof'));
  }
  const open = (id: string, status: string): Reason => ({ id: 'gate-task-open', severity: 'error', category: 'tasks', rule: 'tasks-open', message: `${id} is ${status}`, file: 'RUNBOOK.md', line: 3, data: { taskId: id, status } });
  reasons.push(open('T-90', 'blocked'), open('T-91', 'not_started'), open('T-92', 'not_started'));
  reasons.push({ id: 'gate-signoff-missing', severity: 'error', category: 'signoffs', rule: 'signoffs', message: 'SIGNOFF.md does not exist: no sign-off from ARCH, SEC, QA, OPS', file: 'SIGNOFF.md', hint: 'Create SIGNOFF.md.', data: { roles: ['ARCH', 'SEC', 'QA', 'OPS'] } });
  const groups = groupReasons(rankReasons(reasons));

  it('puts project-wide problems first, then by category', () => {
    expect(groups.map((g) => [g.id, g.projectWide, g.reasons.length])).toEqual([
      ['gate-signoff-missing', true, 1],
      ['gate-task-open', false, 3],
      ['evidence-section-missing', false, 160],
    ]);
  });

  it('says how many tasks a group affects and tallies its repeated reasons, largest first', () => {
    expect(groups[2]).toMatchObject({ affected: 85, title: '85 tasks lack evidence sections — Rollback Path ×81, Risk Notes ×69, Behavior Proof ×10' });
    expect(groups[1]!.title).toBe('3 tasks are not done — not started ×2, blocked');
    // A group of one is the reason itself; a group whose reasons share a hint keeps it.
    expect(groups[0]!.title).toBe('SIGNOFF.md does not exist: no sign-off from ARCH, SEC, QA, OPS');
    expect(groups[1]!.hint).toBeUndefined();
  });
});
