import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { REPO_ROOT } from '../support/cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/sources/seed-internal-runbook/internal-runbook.md');
const SEED = path.join(REPO_ROOT, '../shared/seeds/000_9676a95a4d309ef5.txt');
const text = fs.readFileSync(FIXTURE, 'utf8');
const lines = text.split('\n');

describe('the Cowork internal execution runbook, parsed as it is', () => {
  const { tasks, findings } = parseTaskFile(FIXTURE, text);

  it.skipIf(!fs.existsSync(SEED))('fixture is a byte-for-byte copy of the seed', () => {
    expect(fs.readFileSync(SEED)).toEqual(fs.readFileSync(FIXTURE));
  });

  it('finds one task per checklist line, every one with an id, and no findings', () => {
    const checklistLines = lines.filter((l) => l.startsWith('- [')).length;
    expect(checklistLines).toBe(132);
    expect(tasks).toHaveLength(checklistLines);
    expect(tasks.every((t) => t.id !== undefined && t.owner !== undefined)).toBe(true);
    expect(findings).toEqual([]);
  });

  it('finds the global tasks and ten per phase from P0 to P11', () => {
    const count = (prefix: string) => tasks.filter((t) => t.id!.startsWith(prefix)).length;
    expect(count('INT-G-')).toBe(12);
    for (let p = 0; p <= 11; p++) expect(count(`INT-P${p}-`)).toBe(10);
  });

  it('reads id, owner, phase, title and line', () => {
    expect(tasks[0]).toMatchObject({
      id: 'INT-G-001',
      owner: 'ARCH',
      phase: 'Global Internal Tasks (Cross-Phase)',
      line: 26,
      status: 'not_started',
      rawStatus: '[ ]',
    });
    expect(tasks.find((t) => t.id === 'INT-P10-009')).toMatchObject({
      owner: 'OPS',
      phase: 'Phase 10 Internal Tasks - Full Validation Matrix and Release Gate',
      title: 'Require sign-off file from ARCH, SEC, QA, and OPS before release candidate approval.',
      line: 179,
    });
    expect(tasks.at(-1)).toMatchObject({ id: 'INT-P11-010', line: 193, phase: 'Phase 11 Internal Tasks - One-Shot Release and Rollback Readiness' });
  });

  it('keeps code spans in titles as written', () => {
    expect(tasks.find((t) => t.id === 'INT-P0-001')!.title).toBe('Generate Rust command manifest from all `#[tauri::command]` functions with request/response schema notes.');
  });
});
