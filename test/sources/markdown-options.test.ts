import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';

const FILE = '/work/list.md';

describe('markdown source options', () => {
  it('takes a configured status vocabulary instead of the default one', () => {
    const text = '- [r] `A-1` (`QA`) In review.\n- [x] `A-2` (`QA`) Done.\n- [-] `A-3` (`QA`) Not in this vocabulary.\n';
    const r = parseTaskFile(FILE, text, { statuses: { '[r]': 'in_review', '[x]': 'done' } });
    expect(r.tasks.map((t) => [t.id, t.status])).toEqual([
      ['A-1', 'in_review'],
      ['A-2', 'done'],
      ['A-3', 'not_started'],
    ]);
    expect(r.findings).toMatchObject([{ id: 'task-unknown-status', line: 3 }]);
  });

  it('takes a configured id pattern', () => {
    const text = '- [ ] `task-17` (`me`) Lower-case ids.\n- [ ] `P0-T001` Not an id under this pattern.\n';
    const r = parseTaskFile(FILE, text, { idPattern: '^task-\\d+$' });
    expect(r.tasks.map((t) => [t.id, t.owner, t.title])).toEqual([
      ['task-17', 'me', 'Lower-case ids.'],
      [undefined, undefined, '`P0-T001` Not an id under this pattern.'],
    ]);
  });

  it('reports an invalid id pattern as an unreadable source', () => {
    expect(parseTaskFile(FILE, '- [ ] x\n', { idPattern: '(' }).findings).toMatchObject([{ id: 'task-source-unreadable' }]);
  });

  it('names the phase by the configured heading level', () => {
    const text = '# Milestone A\n\n## Phase 0\n\n- [ ] `P0-T001` (`A`) One.\n\n## Phase 1\n\n- [ ] `P1-T001` (`A`) Two.\n\n# Milestone B\n\n- [ ] `P2-T001` (`A`) Three.\n';
    // By default: the shallowest level used more than once (# here).
    expect(parseTaskFile(FILE, text).tasks.map((t) => t.phase)).toEqual(['Milestone A', 'Milestone A', 'Milestone B']);
    // A task with no heading at that level above it falls back to its nearest heading.
    expect(parseTaskFile(FILE, text, { phaseLevel: 2 }).tasks.map((t) => t.phase)).toEqual(['Phase 0', 'Phase 1', 'Milestone B']);
  });

  it('takes a bare first word as an id when an owner follows it or another id starts like it', () => {
    const r = parseTaskFile(FILE, '- [ ] P0-T001 (WS-ARCH) Bare id and owner.\n- [ ] UTF-8 support everywhere.\n');
    expect(r.tasks.map((t) => [t.id, t.owner, t.title])).toEqual([
      ['P0-T001', 'WS-ARCH', 'Bare id and owner.'],
      [undefined, undefined, 'UTF-8 support everywhere.'],
    ]);
  });

  it('reads CRLF line endings, a BOM and tab-indented details', () => {
    const text = '\uFEFF## Phase 0\r\n\r\n- [x] `P0-T001` (`A`) One.\r\n\t- Files:\r\n\t\t- `a.ts`\r\n';
    const r = parseTaskFile(FILE, text);
    expect(r.tasks).toMatchObject([{ id: 'P0-T001', line: 3, phase: 'Phase 0', status: 'done', details: { Files: ['`a.ts`'] } }]);
  });

  it('uses an explicit format over the extension', () => {
    expect(parseTaskFile('/work/list.txt', '- [x] `A-1` (`B`) One.\n', { format: 'markdown' }).tasks).toHaveLength(1);
    expect(parseTaskFile('/work/list.txt', '- [x] `A-1` (`B`) One.\n').findings).toMatchObject([{ id: 'task-source-unreadable' }]);
  });
});
