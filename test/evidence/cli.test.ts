import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalize, runBuiltCli } from '../support/cli.js';
import { FIXTURES, fixtureDir } from './fixture.js';

interface LintJson {
  ok: boolean;
  checked: number;
  summary: { error: number; warning: number; info: number };
  findings: { id: string; file: string; line?: number }[];
}

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-evidence-cli-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('cutover evidence (built CLI)', () => {
  it('lint --json: exit 0 and one JSON document for complete evidence', async () => {
    const r = await runBuiltCli(['evidence', 'lint', '--json'], { cwd: fixtureDir('lint-valid') });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, checked: 1, summary: { error: 0, warning: 0, info: 0 }, findings: [] });
  });

  it('lint --json: exit 1 with the finding at file:line for a gap', async () => {
    const r = await runBuiltCli(['evidence', 'lint', '--json'], { cwd: fixtureDir('lint-empty-section') });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as LintJson;
    expect(doc.ok).toBe(false);
    expect(doc.findings.map((f) => `${f.id} ${f.file}:${f.line}`)).toEqual(['evidence-section-empty docs/migration-evidence/P0-T001.md:28']);
  });

  it('lint: warnings alone exit 0, or 1 with --strict', async () => {
    const cwd = fixtureDir('lint-path-missing');
    const plain = await runBuiltCli(['evidence', 'lint'], { cwd });
    expect(plain.code, plain.stderr).toBe(0);
    const strict = await runBuiltCli(['evidence', 'lint', '--strict'], { cwd });
    expect(strict.code, strict.stderr).toBe(1);
  });

  it('lint: human output lists each finding with its location and hint', async () => {
    const r = await runBuiltCli(['evidence', 'lint'], { cwd: fixtureDir('lint-missing-file') });
    expect(r.code, r.stderr).toBe(1);
    expect(normalize(r.stdout)).toBe(await fs.readFile(path.join(FIXTURES, 'cli/lint-missing-file.txt'), 'utf8'));
  });

  it('lint: exit 2 and a key-path message for an invalid evidence config', async () => {
    await fs.writeFile(path.join(tmp, 'cutover.config.json'), JSON.stringify({ evidence: { sections: [{ title: 'Risks' }] } }));
    const r = await runBuiltCli(['evidence', 'lint', '--json'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(2);
    const doc = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; details: string[] } };
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('config');
    expect(doc.error.details.join('\n')).toContain('evidence.sections[0].name: is required but missing');
  });

  it('new, then lint: the scaffold is reported as placeholders until it is written', async () => {
    await fs.writeFile(path.join(tmp, 'cutover.config.json'), JSON.stringify({ tasks: { sources: [{ path: 'tasks.md' }] } }));
    await fs.writeFile(path.join(tmp, 'tasks.md'), '## Phase 0\n\n- [x] `P0-T001` (`WS-ARCH`) Contract baseline.\n');
    const created = await runBuiltCli(['evidence', 'new', 'P0-T001', '--json'], { cwd: tmp });
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({ ok: true, file: 'docs/migration-evidence/P0-T001.md', created: true, taskFound: true, findings: [] });

    const again = await runBuiltCli(['evidence', 'new', 'P0-T001'], { cwd: tmp });
    expect(again.stdout).toBe('docs/migration-evidence/P0-T001.md already exists; left as it is\n');

    const lint = await runBuiltCli(['evidence', 'lint', '--json'], { cwd: tmp });
    expect(lint.code, lint.stderr).toBe(1);
    const doc = JSON.parse(lint.stdout) as LintJson;
    expect(doc.summary.error).toBe(7);
    expect(new Set(doc.findings.map((f) => f.id))).toEqual(new Set(['evidence-section-empty']));
  });

  it('new: exit 2 for an id that would escape the evidence folder', async () => {
    await fs.writeFile(path.join(tmp, 'cutover.config.json'), '{}');
    const r = await runBuiltCli(['evidence', 'new', '../../etc/passwd'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('task id "../../etc/passwd" would name a file outside docs/migration-evidence/');
    expect(await fs.readdir(tmp)).toEqual(['cutover.config.json']);
  });

  it('lint without task lists checks every evidence file in the folder by its name', async () => {
    await fs.writeFile(path.join(tmp, 'cutover.config.json'), '{}');
    await fs.mkdir(path.join(tmp, 'docs/migration-evidence'), { recursive: true });
    await fs.writeFile(path.join(tmp, 'docs/migration-evidence/X-1.md'), '# X-2\n');
    const r = await runBuiltCli(['evidence', 'lint', '--json'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as LintJson;
    expect(doc.checked).toBe(1);
    expect(doc.findings.filter((f) => f.id === 'evidence-id-mismatch')).toHaveLength(1);
    expect(doc.findings.filter((f) => f.id === 'evidence-section-missing')).toHaveLength(7);
  });

  it('--help lists both subcommands', async () => {
    const r = await runBuiltCli(['evidence', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/new\s+Scaffold/);
    expect(r.stdout).toMatch(/lint\s+Check that every done task has complete evidence/);
  });
});
