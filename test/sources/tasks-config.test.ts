import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';

const FILE = path.join('/project', 'cutover.config.json');

function problems(data: unknown): string[] {
  try {
    validateConfig(data, FILE);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.details.map((d) => d.replace(/^\S+\s+/, ''));
    throw e;
  }
}

describe('tasks config section', () => {
  it('resolves source paths from the config folder', () => {
    const loaded = validateConfig({ tasks: { sources: [{ path: 'docs/plan.md' }, { path: '/abs/ledger.csv', format: 'csv' }] } }, FILE);
    expect(loaded.config.tasks?.sources?.map((s) => s.path)).toEqual(['/project/docs/plan.md', '/abs/ledger.csv']);
  });

  it('names the key path of each mistake', () => {
    expect(problems({ tasks: { sources: [{ path: 'a.md', statuses: { '[?]': 'finished' } }] } })).toEqual([
      'tasks.sources[0].statuses.[?]: expected one of "not_started", "in_progress", "blocked", "in_review", "done", found string "finished"',
    ]);
    expect(problems({ tasks: { sources: [{ path: 'a.xlsx', format: 'excel' }] } })[0]).toContain('tasks.sources[0].format: expected one of "markdown", "csv", "json"');
    expect(problems({ tasks: { sources: [{ format: 'csv' }] } })).toEqual(['tasks.sources[0].path: is required but missing']);
    expect(problems({ tasks: { sources: [{ path: 'a.csv', columns: { identifier: 'x' } }] } })[0]).toContain('tasks.sources[0].columns.identifier: unknown key');
  });
});
