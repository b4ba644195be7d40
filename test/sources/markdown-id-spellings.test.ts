import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { fixtureInput } from './fixture.js';

const FILE = fixtureInput('markdown-id-spellings');
const { tasks, findings } = parseTaskFile(FILE, fs.readFileSync(FILE, 'utf8'));
const at = (line: number) => tasks.find((t) => t.line === line);

describe('task ids written the ways teams write them', () => {
  it('reads the id of every spelling, so a done task always asks for its evidence', () => {
    expect(tasks.filter((t) => t.id !== undefined).map((t) => [t.line, t.id, t.owner, t.title, t.status])).toEqual([
      [5, 'PAY-1', 'ARCH', 'Backticked id.', 'done'],
      [6, 'PAY-5', undefined, 'Bold id.', 'done'],
      [7, 'PAY-6', undefined, 'Bracket id.', 'done'],
      [8, 'PAY-7', undefined, 'Colon id.', 'done'],
      [9, 'PAY-80', undefined, 'Jira-linked id.', 'done'],
      [10, 'PAY-73', 'ARCH', 'Bold code id.', 'done'],
      [11, 'PAY-72', undefined, 'Struck-through id.', 'done'],
      [12, 'PAY-71', undefined, 'Checkbox then emoji.', 'done'],
      [13, 'PAY-8', undefined, 'Plain id, no colon, no owner.', 'done'],
      [14, 'PAY-9', 'OPS', 'Plain id, owner, dash.', 'done'],
    ]);
  });

  it('keeps a bare first word no other id starts like (UTF-8) as title, and says so when the task is done', () => {
    expect(at(16)).toMatchObject({ id: undefined, title: 'UTF-8 filenames are accepted.' });
    expect(findings.find((f) => f.line === 16)).toMatchObject({ id: 'task-no-id', severity: 'warning', message: expect.stringContaining('first word UTF-8 matches the id pattern') });
  });

  it('reports a done task without an id among tasks with ids, but not a checklist of its own without ids', () => {
    expect(findings.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['task-no-id', 'warning', 15],
      ['task-no-id', 'warning', 16],
    ]);
    expect(at(20)).toMatchObject({ id: undefined, status: 'done', phase: 'Checklist without ids' });
  });
});
