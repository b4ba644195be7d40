import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { expected, parseFixture } from './fixture.js';

interface Result {
  tasks: { id?: string; line: number }[];
  findings: { id: string; file: string; line: number }[];
}

describe('JSON ledger with malformed entries, a duplicate and an unknown status', () => {
  const result = parseFixture('json-malformed') as Result;

  it('reports each bad entry at file:line with the right finding id', () => {
    expect(result.findings.map((f) => [f.id, `${f.file}:${f.line}`])).toEqual([
      ['task-malformed', 'ledger.json:3'], // a string, not an object
      ['task-malformed', 'ledger.json:4'], // no id
      ['task-malformed', 'ledger.json:5'], // no status
      ['task-unknown-status', 'ledger.json:6'],
      ['task-duplicate-id', 'ledger.json:7'],
    ]);
    expect(result).toEqual(expected('json-malformed'));
  });

  it('reports JSON that does not parse as an unreadable source at the line it broke', () => {
    const r = parseTaskFile('/x/ledger.json', '[\n  { "id": "A-1", "status": "done" },\n  { "id": "A-2" "status": "done" }\n]\n');
    expect(r.tasks).toEqual([]);
    expect(r.findings).toMatchObject([{ id: 'task-source-unreadable', file: '/x/ledger.json', line: 3 }]);
  });

  it('reports a truncated ledger at the line and column where it stops', () => {
    const text = '[\n  { "id": "A-1", "status": "done" },\n  { "id": "A-2", "sta';
    const r = parseTaskFile('/x/ledger.json', text);
    expect(r.findings).toMatchObject([{ id: 'task-source-unreadable', line: 3, column: 18 }]);
    expect(r.findings[0]!.message).toMatch(/^not valid JSON at line 3, column 18: /);
  });

  it('reports a document with no task array', () => {
    const r = parseTaskFile('/x/ledger.json', '{\n  "items": []\n}\n');
    expect(r.findings).toMatchObject([{ id: 'task-malformed', line: 1, message: 'no task list found' }]);
  });
});
