import { describe, expect, it } from 'vitest';
import type { Task } from '../../core/src/tasks/index.js';
import { parseFixture } from './fixture.js';

describe('checkboxes inside a blockquote', () => {
  const { tasks, findings } = parseFixture('markdown-blockquote') as { tasks: Task[]; findings: unknown[] };

  it('are tasks like any other, at any quote depth; a quoted code fence still holds none', () => {
    expect(tasks.map((t) => `${t.line} ${t.id} ${t.status}`)).toEqual([
      '5 REL-001 done',
      '9 REL-002 not_started',
      '11 REL-003 done',
      '13 REL-004 blocked',
      '19 REL-005 done',
    ]);
    expect(findings).toEqual([]);
  });

  it('keep their owner, phase and nested details', () => {
    expect(tasks.find((t) => t.id === 'REL-002')).toMatchObject({ owner: 'QA', phase: 'Phase 2 - Release', details: { Verification: ['soak for 24 h'] } });
  });
});
