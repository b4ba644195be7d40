import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig, type LoadedConfig } from '../../core/src/config/index.js';
import { UsageError } from '../../core/src/errors.js';
import { lintEvidence, scaffoldEvidence } from '../../evidence/src/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { relativeFindings } from './fixture.js';

const TASKS = `# Plan

## Phase 0 - Contract

- [x] \`P0-T001\` (\`WS-ARCH\`) Capture the command contract.
  - Files:
    - \`src/contract.ts\`
  - New:
    - \`src/manifest--draft.ts\`
`;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-scaffold-'));
  await fs.writeFile(path.join(dir, 'tasks.md'), TASKS);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const project = (extra: Record<string, unknown> = {}): LoadedConfig =>
  validateConfig({ tasks: { sources: [{ path: 'tasks.md' }] }, ...extra }, path.join(dir, 'cutover.config.json'));

async function lint(loaded: LoadedConfig) {
  const { tasks } = await loadTasks(loaded);
  return relativeFindings((await lintEvidence(loaded, tasks)).findings, dir);
}

describe('cutover evidence new (scaffoldEvidence)', () => {
  it('writes every required section, which lint reports as empty until written', async () => {
    const loaded = project();
    const { tasks } = await loadTasks(loaded);
    const result = await scaffoldEvidence(loaded, 'P0-T001', { task: tasks[0]! });
    expect(result).toEqual({ file: path.join(dir, 'docs/migration-evidence/P0-T001.md'), created: true });
    const text = await fs.readFile(result.file, 'utf8');
    expect(text.split('\n')[0]).toBe('# P0-T001: Capture the command contract.');
    expect(text).toContain('Owner: WS-ARCH · Phase: Phase 0 - Contract');
    expect(text.match(/^## .*/gm)).toEqual([
      '## Change Summary',
      '## Files Changed',
      '## Verification Commands',
      '## Verification Output',
      '## Behavior Proof',
      '## Risk Notes',
      '## Rollback Path',
    ]);
    // The task list's planned files are a hint inside a comment, not evidence.
    expect(text).toContain('<!-- Planned in the task list:\nFiles:\n  - `src/contract.ts`\nNew:\n  - `src/manifest-draft.ts`\n-->');
    const findings = await lint(loaded);
    expect(findings.map((f) => `${f.id} ${f.data?.section}`)).toEqual([
      'evidence-section-empty Change Summary',
      'evidence-section-empty Files Changed',
      'evidence-section-empty Verification Commands',
      'evidence-section-empty Verification Output',
      'evidence-section-empty Behavior Proof',
      'evidence-section-empty Risk Notes',
      'evidence-section-empty Rollback Path',
    ]);
  });

  it('passes lint once every section is written', async () => {
    const loaded = project();
    const { file } = await scaffoldEvidence(loaded, 'P0-T001');
    await fs.mkdir(path.join(dir, 'src'));
    await fs.writeFile(path.join(dir, 'src/contract.ts'), 'export {};\n');
    const filled = (await fs.readFile(file, 'utf8'))
      .replace(/^TODO: every path.*$/m, '- `src/contract.ts`')
      .replace(/^TODO: .*$/gm, 'Written by the person who did the work.');
    await fs.writeFile(file, filled);
    expect(await lint(loaded)).toEqual([]);
  });

  it('never overwrites an existing file', async () => {
    const loaded = project();
    const { file } = await scaffoldEvidence(loaded, 'P0-T001');
    await fs.writeFile(file, '# P0-T001\n\nHand-written.\n');
    expect(await scaffoldEvidence(loaded, 'P0-T001')).toEqual({ file, created: false });
    expect(await fs.readFile(file, 'utf8')).toBe('# P0-T001\n\nHand-written.\n');
  });

  it('refuses an id that would escape the evidence folder, and writes nothing', async () => {
    const loaded = project();
    for (const id of ['../../etc/passwd', '../P0-T001', 'a/b', '/abs', '..', '.hidden']) {
      await expect(scaffoldEvidence(loaded, id)).rejects.toThrow(UsageError);
    }
    expect(await fs.readdir(dir)).toEqual(['tasks.md']);
  });

  it('writes to the configured folder with the configured sections and templates', async () => {
    await fs.mkdir(path.join(dir, 'tpl'));
    await fs.writeFile(path.join(dir, 'tpl/task.mustache'), '# {{id}}\n\n{{#sections}}\n## {{name}}\n\n{{placeholder}}\n\n{{/sections}}\nTeam template.\n');
    const loaded = project({ evidence: { dir: 'proof', templates: 'tpl', sections: [{ name: 'What changed', role: 'change-summary' }, { name: 'Undo' }] } });
    const { file } = await scaffoldEvidence(loaded, 'P0-T001');
    expect(file).toBe(path.join(dir, 'proof/P0-T001.md'));
    expect(await fs.readFile(file, 'utf8')).toBe(
      '# P0-T001\n\n## What changed\n\nTODO: what changed and why, in two or three sentences.\n\n## Undo\n\nTODO: fill in this section.\n\nTeam template.\n',
    );
  });
});
