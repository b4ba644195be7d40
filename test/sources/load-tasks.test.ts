import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { FIXTURES } from './fixture.js';

const DIR = path.join(FIXTURES, 'load-tasks');
const CONFIG = path.join(DIR, 'cutover.config.json');

describe('loadTasks over every configured source', async () => {
  const loaded = validateConfig(JSON.parse(fs.readFileSync(CONFIG, 'utf8')), CONFIG);
  const { tasks, findings } = await loadTasks(loaded);
  const rel = (f: string | undefined) => (f ? path.relative(DIR, f) : f);

  it('reads markdown, CSV and a markdown list named .txt with an explicit format, in config order', () => {
    expect(tasks.map((t) => `${rel(t.file)}:${t.line} ${t.id} ${t.status}`)).toEqual([
      'lists/plan.md:3 P0-T001 done',
      'lists/plan.md:4 P0-T002 not_started',
      'lists/ledger.csv:2 L-1 done',
      'lists/ledger.csv:3 P0-T002 not_started',
      'lists/runbook.txt:3 R-1 in_review',
      'lists/runbook.txt:4 R-2 done',
    ]);
  });

  it('resolves a ledger evidence path from the ledger folder', () => {
    expect(rel(tasks.find((t) => t.id === 'L-1')?.evidenceFile)).toBe('evidence/L-1.md');
  });

  it('reports a missing file, a folder and an unknown format as unreadable sources, without throwing', () => {
    const unreadable = findings.filter((f) => f.id === 'task-source-unreadable').map((f) => [rel(f.file), f.message]);
    expect(unreadable).toEqual([
      ['lists/missing.md', 'task list lists/missing.md does not exist'],
      ['lists/notes.yaml', `cannot tell the task-list format of ${path.join(DIR, 'lists/notes.yaml')}`],
      ['lists', 'task list lists is a folder, not a regular file'],
    ]);
  });

  it('finds an id used in two different files, naming where it was first used', () => {
    const dup = findings.filter((f) => f.id === 'task-duplicate-id');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ file: path.join(DIR, 'lists/ledger.csv'), line: 3, message: 'task id P0-T002 is already used at lists/plan.md:4' });
  });

  it('reports nothing else', () => {
    expect(findings).toHaveLength(4);
  });

  it('returns nothing, and no finding, when no sources are configured', async () => {
    expect(await loadTasks(validateConfig({}, CONFIG))).toEqual({ tasks: [], findings: [] });
  });
});
