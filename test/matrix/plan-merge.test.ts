import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCells } from '../../matrix/src/matrix-file/cells.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { githubMatrix, planJobs } from '../../matrix/src/plan/plan.js';
import { summarize } from '../../matrix/src/report/io.js';
import { indexCells, mergeReports } from '../../matrix/src/report/merge.js';
import type { CellResult, CellStatus, MatrixReport } from '../../matrix/src/report/types.js';
import { parseFilter } from '../../matrix/src/run/filter.js';
import { parseShard, rowsInShard } from '../../matrix/src/run/shard.js';
import { DEFAULT_RUNNERS, type MatrixSettings } from '../../matrix/src/settings.js';
import { FIXTURES } from './helpers.js';

const matrix = loadMatrixFile(path.join(FIXTURES, 'matrix/plan/cutover.matrix.yaml'));
const settings = { runners: { ...DEFAULT_RUNNERS, macos: 'macos-14' }, shardsPerOs: 2 } as MatrixSettings;

describe('matrix plan', () => {
  it('gives every OS with cells to run min(shards, rows) jobs, and the github form for fromJSON', () => {
    const jobs = planJobs(matrix, settings);
    expect(jobs.map((j) => `${j.name} ${j.runner} ${j.shard}: ${j.rows.join(',')}`)).toEqual([
      'linux 1/2 ubuntu-latest 1/2: a,c',
      'linux 2/2 ubuntu-latest 2/2: b,d',
      'macos macos-14 1/1: a',
      'windows 1/2 windows-latest 1/2: a',
      'windows 2/2 windows-latest 2/2: b',
    ]);
    expect(JSON.parse(githubMatrix(jobs))).toEqual({
      include: jobs.map((j) => ({ os: j.os, runner: j.runner, shard: j.shard, name: j.name })),
    });
    expect(githubMatrix(jobs)).not.toContain('\n');
  });

  it('shards split each OS\'s rows exactly once', () => {
    for (const os of matrix.dimensions.os) {
      for (const total of [1, 2, 3, 5]) {
        const seen = Array.from({ length: total }, (_v, i) => [...rowsInShard(matrix, os, { index: i + 1, total })]).flat();
        expect(new Set(seen).size).toBe(seen.length);
      }
    }
  });

  it('--shard must be i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0']) expect(() => parseShard(bad), bad).toThrow(/--shard expects i\/n/);
  });
});

describe('--filter', () => {
  const cells = allCells(matrix).filter((c) => !c.notApplicable && c.os === 'linux');
  const pick = (...f: string[]) => [...new Set(cells.filter((c) => parseFilter(f).matches(c)).map((c) => `${c.row.id}/${c.mode}`))];
  it('bare words match row ids and task ids; keys combine with AND, repeats with OR', () => {
    expect(pick('a')).toEqual(['a/user', 'a/system']);
    expect(pick('T-3')).toEqual(['c/user', 'c/system']);
    expect(pick('area=security', 'mode=user')).toEqual(['b/user', 'd/user']);
    expect(pick('row=a', 'row=d')).toEqual(['a/user', 'a/system', 'd/user']);
    expect(pick('kind=service-definition')).toEqual(['d/user']);
    expect(() => parseFilter(['colour=red'])).toThrow(/unknown filter key "colour"/);
  });
});

function report(file: string, cells: Array<[string, string, string, CellStatus]>, commit = 'a'.repeat(40)): { file: string; report: MatrixReport } {
  const full: CellResult[] = cells.map(([row, os, mode, status]) => ({ row, title: row, area: 'lifecycle', tasks: ['T'], os: os as 'linux', mode, required: true, status, message: `${status} on ${os}`, kind: 'shell' }));
  return {
    file,
    report: {
      format: 'cutover-matrix-report',
      version: 1,
      matrix: { file: 'cutover.matrix.yaml', hash: 'b'.repeat(64) },
      commit: { sha: commit, dirty: false, fingerprint: null, changed: [], excluded: [`docs/${file}.md`] },
      createdAt: '2025-06-01T00:00:00.000Z',
      cutoverVersion: '0.1.0',
      runs: [{ os: 'linux', arch: 'x64', node: '20', createdAt: '2025-06-01T00:00:00.000Z' }],
      cells: full,
      summary: summarize(full),
    },
  };
}

describe('matrix merge', () => {
  it('takes each cell from the report that ran it; of two runs the worse wins', () => {
    const linux = report('linux', [['a', 'linux', 'user', 'passed'], ['a', 'macos', 'user', 'skipped'], ['b', 'linux', 'user', 'passed'], ['b', 'macos', 'user', 'skipped'], ['c', 'linux', 'user', 'not_applicable'], ['c', 'macos', 'user', 'skipped']]);
    const macos = report('macos', [['a', 'linux', 'user', 'skipped'], ['a', 'macos', 'user', 'passed'], ['b', 'linux', 'user', 'failed'], ['b', 'macos', 'user', 'error'], ['c', 'linux', 'user', 'skipped'], ['c', 'macos', 'user', 'skipped']]);
    const merged = mergeReports([linux, macos]);
    expect(merged.cells.map((c) => `${c.row} ${c.os} ${c.status}`)).toEqual(['a linux passed', 'a macos passed', 'b linux failed', 'b macos error', 'c linux not_applicable', 'c macos skipped']);
    expect(merged.cells.find((c) => c.row === 'b' && c.os === 'linux')!.message).toBe('failed on linux (another result had passed)');
    expect(merged.summary).toEqual({ passed: 2, failed: 1, error: 1, not_applicable: 1, skipped: 1 });
    expect(merged.commit.excluded).toEqual(['docs/linux.md', 'docs/macos.md']);
    expect(merged.runs).toHaveLength(2);
  });

  it('one rule for a cell held twice, in merge and in the gate: the worse wins, and the duplicate is known', () => {
    const dup = report('dup', [['a', 'linux', 'user', 'failed'], ['a', 'linux', 'user', 'passed'], ['b', 'linux', 'user', 'passed']]);
    const { byKey, duplicates } = indexCells(dup.report.cells);
    expect([...byKey.values()].map((c) => `${c.row} ${c.status}`)).toEqual(['a failed', 'b passed']);
    expect(duplicates.map((d) => d.cells.map((c) => c.status))).toEqual([['failed', 'passed']]);
    // The order does not matter: passed then failed counts as failed too.
    const reversed = indexCells([...dup.report.cells].reverse()).byKey;
    expect(reversed.get('a|linux|user')!.status).toBe('failed');
    expect(mergeReports([dup]).cells.map((c) => `${c.row} ${c.status}`)).toEqual(['a failed', 'b passed']);
  });

  it('refuses reports from different commits or matrix files', () => {
    const a = report('a', [['x', 'linux', 'user', 'passed']]);
    const b = report('b', [['x', 'linux', 'user', 'passed']], 'c'.repeat(40));
    expect(() => mergeReports([a, b])).toThrow(/b ran on a different tree than a/);
    const c = report('c', [['x', 'linux', 'user', 'passed']]);
    c.report.matrix.hash = 'd'.repeat(64);
    expect(() => mergeReports([a, c])).toThrow(/c ran a different matrix file than a/);
  });
});
