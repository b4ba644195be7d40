import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { lintEvidence } from '../../evidence/src/index.js';
import type { Task } from '../../core/src/tasks/types.js';
import { fixtureDir } from './fixture.js';

const DIR = fixtureDir('lint-missing-file');
const task = (id: string | undefined, status: Task['status'], line: number): Task => ({ id, title: 't', status, rawStatus: status, file: path.join(DIR, 'tasks.md'), line });

describe('which tasks need evidence', () => {
  const tasks = [task('A-1', 'done', 1), task('A-2', 'in_review', 2), task('A-3', 'blocked', 3), task(undefined, 'done', 4), task('A-1', 'done', 5)];

  it('by default only done tasks with an id, each id once', async () => {
    const { findings } = await lintEvidence(validateConfig({}, path.join(DIR, 'cutover.config.json')), tasks);
    expect(findings.map((f) => `${f.id} ${f.data?.taskId} :${f.line}`)).toEqual(['evidence-missing A-1 :1']);
  });

  it('and the statuses listed in evidence.requireFor', async () => {
    const loaded = validateConfig({ evidence: { requireFor: ['done', 'in_review'] } }, path.join(DIR, 'cutover.config.json'));
    const { findings } = await lintEvidence(loaded, tasks);
    expect(findings.map((f) => `${f.data?.taskId} ${f.message}`)).toEqual([
      'A-1 A-1 is done but has no evidence file docs/migration-evidence/A-1.md',
      'A-2 A-2 is in review but has no evidence file docs/migration-evidence/A-2.md',
    ]);
  });

  it('uses the evidence file a ledger names instead of the folder', async () => {
    const named = { ...task('A-9', 'done', 9), evidenceFile: path.join(fixtureDir('lint-valid'), 'docs/migration-evidence/P0-T001.md') };
    const { findings } = await lintEvidence(validateConfig({}, path.join(DIR, 'cutover.config.json')), [named]);
    // The file exists and is complete, but it is the evidence of another task.
    expect(findings.map((f) => f.id)).toEqual(['evidence-id-mismatch']);
  });
});
