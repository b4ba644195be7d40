import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { loadTasks, parseTaskFile } from '../../core/src/tasks/index.js';
import { FIXTURES } from './fixture.js';

const DIR = path.join(FIXTURES, 'markdown-task-like');
const FILE = path.join(DIR, 'tasks.md');

describe('lines that look like tasks but are not checklist items', () => {
  it('are each reported at their line (status-table rows, bullets with a status and no checkbox), never dropped', () => {
    const { tasks, findings } = parseTaskFile(FILE, fs.readFileSync(FILE, 'utf8'));
    expect(tasks.map((t) => t.id)).toEqual(['PAY-40']);
    expect(findings.map((f) => [f.id, f.severity, f.line, f.data?.taskId])).toEqual([
      ['task-unread', 'warning', 11, 'PAY-30'],
      ['task-unread', 'warning', 12, 'PAY-31'],
      // line 13 repeats PAY-40, read from its checkbox; line 14 has no status; the workstream and "Review" bullets are not tasks.
      ['task-unread', 'warning', 18, 'PAY-70'],
      ['task-unread', 'warning', 19, 'PAY-74'],
      ['task-unread', 'warning', 20, 'PAY-75'],
      ['task-unread', 'warning', 21, 'PAY-76'],
      ['task-unread', 'warning', 22, 'PAY-77'],
    ]);
  });

  it('a list holding only a status table or a legend says what it skipped when it reports that it holds no task', async () => {
    const config = path.join(DIR, 'lists', 'cutover.config.json');
    const { findings } = await loadTasks(validateConfig(JSON.parse(fs.readFileSync(config, 'utf8')), config));
    expect(findings.map((f) => [f.id, f.severity, path.basename(f.file!), f.line ?? null, f.message])).toEqual([
      ['task-unread', 'warning', 'table-only.md', 5, expect.stringContaining('PAY-30 looks like a task (a status-table row)')],
      ['task-unread', 'warning', 'table-only.md', 6, expect.stringContaining('PAY-31')],
      ['task-source-empty', 'error', 'table-only.md', null, 'task list table-only.md holds no task: 2 line(s) that look like tasks are not checklist items (task-unread at line 5, 6)'],
      ['task-source-empty', 'error', 'legend-only.md', null, 'task list legend-only.md holds no task: 3 checkbox(es) are a status legend (line 3, 4, 5)'],
    ]);
  });
});
