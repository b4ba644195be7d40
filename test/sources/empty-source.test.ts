import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { FIXTURES } from './fixture.js';

const DIR = path.join(FIXTURES, 'empty-source');
const CONFIG = path.join(DIR, 'cutover.config.json');

describe('every configured task list must hold tasks of its own', () => {
  it('names each list that holds none: a ledger cut to its header, a wiped file, prose without checkboxes', async () => {
    const { tasks, findings } = await loadTasks(validateConfig(JSON.parse(fs.readFileSync(CONFIG, 'utf8')), CONFIG));
    expect(tasks.map((t) => t.id)).toEqual(['E-001']);
    expect(findings.map((f) => [f.id, f.severity, path.relative(DIR, f.file!), f.message])).toEqual([
      ['task-source-empty', 'error', 'ledger.csv', 'task list ledger.csv holds no task'],
      ['task-source-empty', 'error', 'wiped.md', 'task list wiped.md holds no task (the file is empty)'],
      ['task-source-empty', 'error', 'prose.md', 'task list prose.md holds no task'],
    ]);
  });
});
