import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { fixtureInput } from './fixture.js';

const FILE = fixtureInput('markdown-heading-task');
const { tasks, findings } = parseTaskFile(FILE, fs.readFileSync(FILE, 'utf8'));

describe('a heading that names a task, with its steps as checkboxes', () => {
  it('is a task whose status is its steps\', with the steps as its sub-tasks', () => {
    expect(tasks.map((t) => [t.line, t.id ?? t.title, t.status, t.owner, t.parent?.line])).toEqual([
      [5, 'PAY-17', 'in_progress', 'OPS', undefined],
      [7, 'Generate the new key.', 'done', 'OPS', 5],
      [8, 'Publish it.', 'not_started', 'OPS', 5],
      [9, 'Staging.', 'done', 'OPS', 8],
      [11, 'PAY-18', 'done', undefined, undefined],
      [13, 'Stop the producers.', 'done', undefined, 11],
      [14, 'Wait for the queue to empty.', 'done', undefined, 11],
      [18, 'PAY-20', 'not_started', 'SEC', undefined],
    ]);
    expect(tasks[0]).toMatchObject({ title: 'Rotate the signing keys', rawStatus: 'heading: 1 of 2 checkboxes done', phase: 'Phase 2 - Operations' });
  });

  it('groups tasks with ids of their own without being one, and reports a heading id with nothing to tick', () => {
    expect(tasks.some((t) => t.id === 'PAY-19')).toBe(false);
    expect(findings.map((f) => [f.id, f.severity, f.line, f.data?.taskId])).toEqual([['task-unread', 'warning', 20, 'PAY-21']]);
  });
});
