import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import { sortFindings } from '../../core/src/findings.js';
import { lintEvidence } from '../../evidence/src/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { REPO_ROOT } from '../support/cli.js';

export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/evidence');

export function fixtureDir(name: string): string {
  return path.join(FIXTURES, name);
}

export async function loadFixture(dir: string): Promise<LoadedConfig> {
  return loadConfig({ cwd: dir, configPath: path.join(dir, 'cutover.config.json') });
}

/** Findings with paths relative to the project folder, in the stable order reports use. */
export function relativeFindings(findings: readonly Finding[], dir: string): Finding[] {
  return sortFindings(findings).map((f) => ({ ...f, ...(f.file ? { file: path.relative(dir, f.file).split(path.sep).join('/') } : {}) }));
}

/** What `cutover evidence lint` checks: the task lists' findings and the evidence of their done tasks. */
export async function lintProject(dir: string): Promise<Finding[]> {
  const loaded = await loadFixture(dir);
  const { tasks, findings } = await loadTasks(loaded);
  const lint = await lintEvidence(loaded, tasks);
  return relativeFindings([...findings, ...lint.findings], dir);
}

export function expectedFindings(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(fixtureDir(name), 'expected.json'), 'utf8'));
}
