import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/cli.js';

type Step = { id?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown>; 'continue-on-error'?: boolean };
interface Workflow {
  on: { pull_request?: unknown; workflow_call?: { inputs: Record<string, { type: string; default?: unknown }> } };
  permissions: Record<string, string>;
  jobs: Record<string, { 'timeout-minutes'?: number; permissions?: Record<string, string>; uses?: string; with?: Record<string, unknown>; needs?: string; steps?: Step[] }>;
}
const read = (f: string) => parse(fs.readFileSync(path.join(REPO_ROOT, '.github/workflows', f), 'utf8')) as Workflow;

describe('.github/workflows/contract.yml', () => {
  const wf = read('contract.yml');
  const job = Object.values(wf.jobs)[0]!;
  const steps = job.steps!;

  it('is reusable (workflow_call) and needs only a read-only token', () => {
    expect(wf.on.pull_request).toBeUndefined();
    expect(Object.keys(wf.on.workflow_call?.inputs ?? {}).sort()).toEqual(['allow', 'build-command', 'config', 'cutover-command', 'install-command', 'node-version', 'working-directory']);
    expect(wf.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: 'read' });
    expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('runs drift and check, keeps the SARIF as an artifact, and fails when either failed', () => {
    const drift = steps.find((s) => s.id === 'drift');
    const check = steps.find((s) => s.id === 'check');
    expect(drift?.run).toContain('drift --config "$CONFIG"');
    expect(drift?.run).toContain('--allow "$ALLOW"');
    expect(check?.run).toContain('check --config "$CONFIG" --sarif cutover-check.sarif');
    expect(drift?.['continue-on-error'] && check?.['continue-on-error']).toBe(true);
    const keep = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(keep?.with?.name).toBe('cutover-check-sarif');
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/'))).toBe(false);
    expect(steps.at(-1)?.if).toBe("steps.drift.outcome == 'failure' || steps.check.outcome == 'failure'");
    expect(steps.at(-1)?.run).toContain('exit 1');
  });

  it("this repository calls it on its own example through the built CLI, and uploads the SARIF from a job that may", () => {
    const ci = read('ci.yml');
    expect(ci.jobs.contract).toMatchObject({ uses: './.github/workflows/contract.yml', permissions: { contents: 'read' }, with: { config: 'examples/cowork/cutover.config.ts', 'cutover-command': 'node bin/cutover.js' } });
    expect(fs.existsSync(path.join(REPO_ROOT, 'examples/cowork/cutover.config.ts'))).toBe(true);
    const scanning = ci.jobs['code-scanning']!;
    expect(scanning.needs).toBe('contract');
    expect(scanning.permissions?.['security-events']).toBe('write');
    expect(scanning.steps!.map((s) => s.uses?.split('@')[0])).toEqual(['actions/download-artifact', 'github/codeql-action/upload-sarif']);
  });
});
