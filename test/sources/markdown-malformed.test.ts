import { describe, expect, it } from 'vitest';
import { expected, parseFixture } from './fixture.js';

interface Result {
  tasks: { id?: string; line: number; status: string }[];
  findings: { id: string; file: string; line: number; message: string }[];
}

describe('markdown checklist with malformed lines, a duplicate and an unknown status', () => {
  const result = parseFixture('markdown-malformed') as Result;

  it('reports each bad line at file:line with the right finding id', () => {
    expect(result.findings.map((f) => [f.id, `${f.file}:${f.line}`])).toEqual([
      ['task-malformed', 'tasks.md:6'], // [] empty brackets
      ['task-malformed', 'tasks.md:7'], // [x] without a space
      ['task-malformed', 'tasks.md:8'], // [ x] two characters
      ['task-malformed', 'tasks.md:9'], // owner paren never closed
      ['task-malformed', 'tasks.md:10'], // id code span not closed
      ['task-malformed', 'tasks.md:11'], // id and owner, no title
      ['task-malformed', 'tasks.md:12'], // empty item
      ['task-unknown-status', 'tasks.md:13'], // [?]
      ['task-malformed', 'tasks.md:16'], // [done]
      ['task-duplicate-id', 'tasks.md:14'], // P0-T001 again
    ]);
    expect(result).toEqual(expected('markdown-malformed'));
  });

  it('keeps a task with an unknown status, as open, so it can never pass for done', () => {
    expect(result.tasks.find((t) => t.id === 'P0-T008')).toMatchObject({ status: 'not_started', line: 13 });
  });

  it('keeps the good tasks around the bad lines', () => {
    expect(result.tasks.map((t) => `${t.id}@${t.line}`)).toEqual(['P0-T001@5', 'P0-T008@13', 'P0-T001@14', 'P0-T009@15']);
  });
});
