import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../core/src/tasks/index.js';
import { parseFixture } from './fixture.js';

interface Result {
  tasks: Task[];
  findings: { id: string; file: string; line: number; message: string; data?: Record<string, unknown> }[];
}

describe('checkboxes nested under a task are sub-tasks', () => {
  const { tasks, findings } = parseFixture('markdown-nested') as Result;
  const byId = (id: string) => tasks.find((t) => t.id === id)!;

  it('reads every checkbox, nested or not, as a task in file order', () => {
    expect(tasks.map((t) => `${t.line} ${t.id ?? t.title}`)).toEqual([
      '5 INT-P1-001',
      '6 INT-P1-001A',
      '7 INT-P1-001B',
      '10 update the client docs',
      '11 INT-P1-002',
      '12 INT-P1-002A',
      '13 INT-P1-002A1',
      '14 INT-P1-003',
      '15 INT-P1-003A',
      '16 INT-P1-004',
      '17 INT-P1-004A',
    ]);
  });

  it('gives a sub-task its parent, its phase and its parent\'s owner unless it names its own', () => {
    expect(byId('INT-P1-001A')).toMatchObject({ status: 'not_started', owner: 'ARCH', phase: 'Phase 1 - Integration', parent: { id: 'INT-P1-001', line: 5 } });
    expect(byId('INT-P1-001B')).toMatchObject({ status: 'done', owner: 'QA', parent: { id: 'INT-P1-001', line: 5 } });
    expect(tasks.find((t) => t.line === 10)?.id).toBeUndefined();
    expect(tasks.find((t) => t.line === 10)).toMatchObject({ status: 'not_started', parent: { id: 'INT-P1-001', line: 5 } });
    expect(byId('INT-P1-002A1').parent).toEqual({ id: 'INT-P1-002A', line: 12 });
    expect(byId('INT-P1-001').parent).toBeUndefined();
  });

  it('keeps the other nested bullets as details', () => {
    expect(byId('INT-P1-001').details).toEqual({ Files: ['`src/client.ts`'] });
    expect(byId('INT-P1-004').details).toEqual({ Verification: ['rotation test passes'] });
  });

  it('does not count a done parent with an open sub-task as done, down through every level', () => {
    expect(byId('INT-P1-001')).toMatchObject({ status: 'in_progress', rawStatus: '[x]', openSubtasks: ['INT-P1-001A', 'line 10'] });
    expect(byId('INT-P1-002A')).toMatchObject({ status: 'in_progress', openSubtasks: ['INT-P1-002A1'] });
    expect(byId('INT-P1-002')).toMatchObject({ status: 'in_progress', openSubtasks: ['INT-P1-002A'] });
    // Done children under an open parent, and done children under a done parent, change nothing.
    expect(byId('INT-P1-003').status).toBe('not_started');
    expect(byId('INT-P1-004').status).toBe('done');
  });

  it('reports each such parent at its line, naming the open sub-tasks', () => {
    expect(findings.map((f) => [f.id, `${path.basename(f.file)}:${f.line}`])).toEqual([
      ['task-subtask-open', 'tasks.md:5'],
      ['task-subtask-open', 'tasks.md:11'],
      ['task-subtask-open', 'tasks.md:12'],
    ]);
    expect(findings[0]!.message).toBe('INT-P1-001 is marked [x] but its sub-tasks INT-P1-001A ([ ]), line 10 ([ ]) are not done');
  });
});
