import fs from 'node:fs';
import path from 'node:path';
import { runGate, type GateResult } from '../../matrix/src/gate/run-gate.js';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { runMatrix } from '../../matrix/src/run/runner.js';
import { matrixSettings } from '../../matrix/src/settings.js';
import { FIXTURES, load, tempProject, type TempProject } from '../matrix/helpers.js';

export const SEEDS = {
  internal: path.join(FIXTURES, 'gate/seeds/internal-runbook.md'),
  master: path.join(FIXTURES, 'gate/seeds/master-task-breakdown.md'),
};

export const SECTIONS = ['Change Summary', 'Files Changed', 'Verification Commands', 'Verification Output', 'Behavior Proof', 'Risk Notes', 'Rollback Path'];

/** A checklist item that opens a task: `- [ ] \`ID\` …` (any status mark). */
const ITEM = /^(\s*[-*]\s+)\[[ xX!-]\]/;

export function completeRunbook(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(ITEM, '$1[x]'))
    .join('\n');
}

export function taskIds(text: string): string[] {
  const ids: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*[-*]\s+\[[ xX!-]\]\s+`([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)`/.exec(line);
    if (m) ids.push(m[1]!);
  }
  return ids;
}

export function evidenceText(id: string): string {
  const body: Record<string, string> = {
    'Change Summary': `Implemented ${id} as the runbook describes.`,
    'Files Changed': '- `RUNBOOK.md`',
    'Verification Commands': '- `node -e 0`',
    'Verification Output': '```text\nexit 0\n```',
    'Behavior Proof': 'The matrix row for this task passed on this commit.',
    'Risk Notes': 'None known beyond the runbook\'s risks.',
    'Rollback Path': 'Revert the task\'s commit.',
  };
  return `# ${id}: evidence\n\n${SECTIONS.map((s) => `## ${s}\n\n${body[s]}\n`).join('\n')}`;
}

export const SIGNOFF = `# Sign-off

| Role | Name | Date | Decision |
| --- | --- | --- | --- |
| ARCH | Ada Lovelace | 2025-06-01 | approved |
| SEC | Grace Hopper | 2025-06-01 | approved |
| QA | Edsger Dijkstra | 2025-06-02 | approved |
| OPS | Margaret Hamilton | 2025-06-02 | approved |
`;

export function matrixYaml(taskId: string, command = 'node -e 0'): string {
  return `version: 1
dimensions: { os: [${hostOs()}], mode: [user] }
rows:
  - id: smoke
    title: The smoke command passes
    area: lifecycle
    tasks: [${JSON.stringify(taskId)}]
    check: { kind: shell, run: ${JSON.stringify(command)} }
`;
}

const CONFIG = `name: seed
tasks:
  sources:
    - path: RUNBOOK.md
matrix:
  file: cutover.matrix.yaml
gate:
  require:
    contract: false
    reason: the seed projects have no sources to extract a contract from
`;

export interface SeedProject extends TempProject {
  ids: string[];
}

/**
 * A complete copy of a seed runbook: every task done, valid evidence for each, all four
 * sign-offs, a one-row matrix, committed to git. `mutate` runs before the commit, so a gap it
 * introduces is part of the tree the matrix runs on.
 */
export async function completedSeedProject(seed: string, mutate?: (p: SeedProject) => void, opts: { command?: string } = {}): Promise<SeedProject> {
  const text = completeRunbook(fs.readFileSync(seed, 'utf8'));
  const ids = taskIds(text);
  const files: Record<string, string> = {
    'cutover.config.yaml': CONFIG,
    'RUNBOOK.md': text,
    'SIGNOFF.md': SIGNOFF,
    'cutover.matrix.yaml': matrixYaml(ids[0]!, opts.command),
    '.gitignore': '.cutover/\n',
  };
  for (const id of ids) files[`docs/migration-evidence/${id}.md`] = evidenceText(id);
  const p = await tempProject(files);
  const project: SeedProject = { ...p, ids };
  mutate?.(project);
  p.git('init', '-q');
  p.git('add', '-A');
  p.git('commit', '-q', '-m', 'complete');
  return project;
}

export async function runMatrixIn(dir: string) {
  const loaded = await load(dir);
  const settings = matrixSettings(loaded);
  return runMatrix({ loaded, matrix: loadMatrixFile(settings.matrixFile!), settings, reportFile: settings.report });
}

/** The gate on a project; scope 'declared' requires every OS the matrix declares (the CLI default). */
export async function gateIn(dir: string, scope: 'host' | 'declared' = 'host'): Promise<GateResult> {
  const loaded = await load(dir);
  return runGate({ loaded, ...(scope === 'host' ? { scopeOs: [hostOs()!] } : {}) });
}

/** Every file under a fixture folder, by its path relative to the folder: a temp project's contents. */
export function files(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, files(full, base));
    else out[path.relative(base, full)] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

export function reasonIds(r: GateResult): string[] {
  return r.reasons.map((x) => x.id);
}
