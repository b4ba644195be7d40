import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { lintEvidence } from '../../evidence/src/index.js';
import { parseSignoffs, currentSignoff } from '../../matrix/src/gate/signoff-file.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { allCells } from '../../matrix/src/matrix-file/cells.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { matrixSettings } from '../../matrix/src/settings.js';
import { REPO_ROOT } from '../support/cli.js';
import { runCheck } from '../matrix/helpers.js';

const CONFIG = path.join(REPO_ROOT, 'examples/cowork/cutover.config.ts');

describe('the bundled example\'s release material', () => {
  it('runbook, matrix, evidence and sign-offs agree, so a matrix run on this commit can pass the gate', async () => {
    const loaded = await loadConfig({ configPath: CONFIG });
    const settings = matrixSettings(loaded);
    const { tasks, findings } = await loadTasks(loaded);
    expect(findings).toEqual([]);
    expect(tasks.length).toBeGreaterThanOrEqual(10);
    expect(tasks.filter((t) => t.status !== 'done')).toEqual([]);

    const matrix = loadMatrixFile(settings.matrixFile!);
    const covered = new Set(matrix.rows.flatMap((r) => r.tasks));
    const ids = tasks.map((t) => t.id!);
    // Every task is verified by a row, and every row's task is in the runbook.
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !ids.includes(id))).toEqual([]);
    // Every task has a cell that runs on linux, so a Linux run writes every evidence file.
    const linuxTasks = new Set(allCells(matrix).filter((c) => c.os === 'linux' && !c.notApplicable).flatMap((c) => c.row.tasks));
    expect(ids.filter((id) => !linuxTasks.has(id))).toEqual([]);

    const lint = await lintEvidence(loaded, tasks);
    expect(lint.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const signoffs = parseSignoffs(fs.readFileSync(settings.signoffFile, 'utf8'));
    expect(signoffs.problems).toEqual([]);
    for (const role of settings.roles) expect(currentSignoff(signoffs, role)?.decision, role).toBe('approved');
  });

  it('its service definitions pass their rows on any OS', async () => {
    const loaded = await loadConfig({ configPath: CONFIG });
    const matrix = loadMatrixFile(matrixSettings(loaded).matrixFile!);
    const rows = matrix.rows.filter((r) => r.check.kind === 'service-definition');
    expect(rows.map((r) => r.id)).toEqual(['lifecycle.launchd', 'lifecycle.systemd-user', 'lifecycle.systemd-system']);
    for (const row of rows) {
      for (const mode of row.id === 'lifecycle.launchd' ? ['user', 'system'] : ['user']) {
        const check = { ...row.check, file: String(row.check.file).replace('{{mode}}', mode) };
        const { outcome } = await runCheck(matrix.dir, check, { loaded });
        expect(outcome.status, `${row.id} ${mode}: ${outcome.message}`).toBe('passed');
      }
    }
  });
});
