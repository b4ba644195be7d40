import { describe, expect, it } from 'vitest';
import { expected, parseFixture } from './fixture.js';

interface Result {
  tasks: { id?: string; line: number }[];
  findings: { id: string; file: string; line: number; message: string; hint?: string }[];
}

describe('CSV ledger with malformed rows, a duplicate and unknown statuses', () => {
  const result = parseFixture('csv-malformed') as Result;

  it('reports each bad row at file:line with the right finding id', () => {
    const at = result.findings.map((f) => [f.id, `${f.file}:${f.line}`]).sort((a, b) => a[1]!.localeCompare(b[1]!, 'en', { numeric: true }));
    expect(at).toEqual([
      ['task-unknown-status', 'ledger.csv:3'], // "Done": the vocabulary is locked, case included
      ['task-malformed', 'ledger.csv:4'], // no id
      ['task-malformed', 'ledger.csv:5'], // no status
      ['task-malformed', 'ledger.csv:6'], // too few fields
      ['task-malformed', 'ledger.csv:7'], // stray quote
      ['task-duplicate-id', 'ledger.csv:9'],
      ['task-unknown-status', 'ledger.csv:10'], // "finished"
    ]);
    expect(result).toEqual(expected('csv-malformed'));
  });

  it('suggests the status a typo was meant to be', () => {
    expect(result.findings.find((f) => f.line === 3)?.hint).toContain('Did you mean "done"?');
  });

  it('resumes after a row the CSV parser rejects', () => {
    expect(result.tasks.map((t) => `${t.id}@${t.line}`)).toEqual(['A-1@2', 'A-2@3', 'A-6@8', 'A-1@9', 'A-7@10']);
  });
});
