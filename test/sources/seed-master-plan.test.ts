import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { REPO_ROOT } from '../support/cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/sources/seed-master-plan/master-plan.md');
const SEED = path.join(REPO_ROOT, '../shared/seeds/001_a86ef446ce7fdcfa.txt');
const text = fs.readFileSync(FIXTURE, 'utf8');
const lines = text.split('\n');

describe('the Cowork master task breakdown, parsed as it is', () => {
  const { tasks, findings } = parseTaskFile(FIXTURE, text);

  it.skipIf(!fs.existsSync(SEED))('fixture is a byte-for-byte copy of the seed', () => {
    expect(fs.readFileSync(SEED)).toEqual(fs.readFileSync(FIXTURE));
  });

  it('finds one task per checklist line, with no findings', () => {
    const checklistLines = lines.filter((l) => l.startsWith('- [')).length;
    expect(checklistLines).toBe(86);
    expect(tasks).toHaveLength(checklistLines);
    expect(findings).toEqual([]);
  });

  it('finds every P<n>-T<nnn> id, in order, on its own line', () => {
    const idLines = lines.flatMap((l, i) => {
      const m = /^- \[ \] `(P\d+-T\d{3})`/.exec(l);
      return m ? [{ id: m[1], line: i + 1 }] : [];
    });
    expect(idLines).toHaveLength(73);
    expect(tasks.filter((t) => t.id !== undefined).map((t) => ({ id: t.id, line: t.line }))).toEqual(idLines);
  });

  it('keeps the Command and Event Additions Checklist items, which have no id', () => {
    const idless = tasks.filter((t) => t.id === undefined);
    expect(idless).toHaveLength(13);
    expect(new Set(idless.map((t) => t.phase))).toEqual(new Set(['Command and Event Additions Checklist']));
    expect(idless[0]).toMatchObject({ title: '`agent_get_bootstrap_state` implemented and documented.', line: 734, status: 'not_started', rawStatus: '[ ]' });
    expect(idless.at(-1)).toMatchObject({ title: 'Legacy event names remain available.', line: 746 });
  });

  it('reads owner, phase, title and nested Files / Verification bullets', () => {
    const t = tasks.find((x) => x.id === 'P0-T001')!;
    expect(t).toMatchObject({
      owner: 'WS-ARCH',
      phase: 'Phase 0 - Contract Freeze and Pre-Migration Hardening',
      title: 'Capture current command contract baseline from Rust command modules.',
      line: 67,
      file: FIXTURE,
      status: 'not_started',
    });
    expect(t.details?.Files).toHaveLength(6);
    expect(t.details?.Files?.[0]).toBe('`apps/desktop/src-tauri/src/commands/agent.rs`');
    expect(t.details?.Verification).toEqual(['Generate a machine-readable command manifest.', 'Confirm no duplicate command names with conflicting payload schemas.']);
  });

  it('keeps bare bullets and label bullets apart (P2-T002, P8-T001, P6-T001)', () => {
    const p2 = tasks.find((x) => x.id === 'P2-T002')!;
    expect(p2.details).toEqual({
      Items: ['Unix socket on macOS/Linux.', 'Named pipe on Windows.'],
      New: ['`apps/desktop/src-sidecar/src/runtime/transports/local-ipc-server.ts`'],
      Verification: ['Command round-trip test over local IPC on host OS.'],
    });
    expect(tasks.find((x) => x.id === 'P8-T001')!.details?.Items).toHaveLength(7);
    expect(tasks.find((x) => x.id === 'P6-T001')!.details?.Commands).toHaveLength(8);
  });

  it('names the phase of every task by its ## heading', () => {
    const phases = [...new Set(tasks.map((t) => t.phase))];
    expect(phases).toHaveLength(13);
    expect(tasks.find((x) => x.id === 'P10-T009')).toMatchObject({ phase: 'Phase 10 - Full Validation Matrix', owner: 'WS-QA', line: 646 });
    expect(tasks.find((x) => x.id === 'P11-T005')).toMatchObject({ phase: 'Phase 11 - Release and Rollback', line: 681 });
  });
});
