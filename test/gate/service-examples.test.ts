import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { lintEvidence } from '../../evidence/src/index.js';
import { currentSignoff, parseSignoffs } from '../../matrix/src/gate/signoff-file.js';
import { allCells } from '../../matrix/src/matrix-file/cells.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { matrixSettings } from '../../matrix/src/settings.js';
import { REPO_ROOT } from '../support/cli.js';

/**
 * The three service examples' release material agrees, so that a matrix run on a commit can pass
 * the gate (the runs themselves are in test/matrix/lifecycle-faults-*.test.ts), and their matrices
 * verify with lifecycle and service checks only: no shell probe scripts.
 */
for (const example of ['notes-service', 'sync-daemon', 'cli-daemon']) {
  describe(`examples/${example}`, () => {
    it('runbook, matrix, evidence and sign-offs agree; every row is a lifecycle or service check', async () => {
      const loaded = await loadConfig({ configPath: path.join(REPO_ROOT, 'examples', example, 'cutover.config.ts') });
      const settings = matrixSettings(loaded);
      const { tasks, findings } = await loadTasks(loaded);
      expect(findings).toEqual([]);
      expect(tasks.length).toBeGreaterThanOrEqual(6);
      expect(tasks.filter((t) => t.status !== 'done')).toEqual([]);

      const matrix = loadMatrixFile(settings.matrixFile!);
      expect([...new Set(matrix.rows.map((r) => r.check.kind))].filter((k) => !['lifecycle', 'service-definition', 'file-mode', 'latency'].includes(k))).toEqual([]);
      const ids = tasks.map((t) => t.id!);
      const covered = new Set(matrix.rows.flatMap((r) => r.tasks));
      expect(ids.filter((id) => !covered.has(id))).toEqual([]);
      expect([...covered].filter((id) => !ids.includes(id))).toEqual([]);
      const linuxTasks = new Set(allCells(matrix).filter((c) => c.os === 'linux' && !c.notApplicable).flatMap((c) => c.row.tasks));
      expect(ids.filter((id) => !linuxTasks.has(id))).toEqual([]);

      const lint = await lintEvidence(loaded, tasks);
      expect(lint.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const signoffs = parseSignoffs(fs.readFileSync(settings.signoffFile, 'utf8'));
      expect(signoffs.problems).toEqual([]);
      for (const role of settings.roles) expect(currentSignoff(signoffs, role)?.decision, role).toBe('approved');
    });
  });
}
