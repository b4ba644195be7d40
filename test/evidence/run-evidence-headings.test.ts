import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../core/src/config/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { lintEvidence, writeRunEvidence, type RunRecord } from '../../evidence/src/index.js';
import { fixtureDir, loadFixture } from './fixture.js';

/**
 * `matrix run` fills the sections the linter finds: setext headings, headings with emoji or
 * numbering, and an empty section above a sub-heading that is another section. It never adds a
 * second "## Verification Commands" beside one lint recognises.
 */
const FIXTURE = fixtureDir('run-evidence-headings');
const IDS = ['P0-T001', 'P0-T002', 'P0-T003'];
const RUN: RunRecord = { command: 'pnpm typecheck', exitCode: 0, durationMs: 5210, output: 'Found 0 errors.\n', passed: true, check: 'typecheck', cell: 'linux/user' };

let dir: string;
let loaded: LoadedConfig;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-run-evidence-headings-'));
  await fs.cp(FIXTURE, dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected' });
  loaded = await loadFixture(dir);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const evidence = (id: string) => path.join(dir, 'docs/migration-evidence', `${id}.md`);

describe('writeRunEvidence finds the sections lint finds', () => {
  it.each(IDS)('%s: fills the existing sections, adds none', async (id) => {
    await writeRunEvidence(loaded, { taskId: id, runs: [RUN] });
    const text = await fs.readFile(evidence(id), 'utf8');
    expect(text).toBe(await fs.readFile(path.join(FIXTURE, 'expected', `${id}.md`), 'utf8'));
    expect(text.match(/Verification Commands/g)).toHaveLength(1);
    expect(text.match(/Verification Output/g)).toHaveLength(1);
    // A second run changes nothing.
    expect((await writeRunEvidence(loaded, { taskId: id, runs: [RUN] })).changed).toBe(false);
  });

  it('leaves every file passing lint', async () => {
    for (const id of IDS) await writeRunEvidence(loaded, { taskId: id, runs: [RUN] });
    const { tasks } = await loadTasks(loaded);
    expect((await lintEvidence(loaded, tasks)).findings).toEqual([]);
  });
});
