import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/cli.js';

interface Workflow {
  on: { pull_request?: unknown; workflow_call?: { inputs: Record<string, { type: string; default?: unknown }> } };
  permissions: Record<string, string>;
  jobs: Record<string, { 'timeout-minutes': number; steps: { id?: string; run?: string; uses?: string; if?: string; 'continue-on-error'?: boolean }[] }>;
}

describe('.github/workflows/contract.yml', () => {
  const wf = parse(fs.readFileSync(path.join(REPO_ROOT, '.github/workflows/contract.yml'), 'utf8')) as Workflow;
  const steps = Object.values(wf.jobs)[0]!.steps;

  it('is reusable (workflow_call) and runs on pull requests', () => {
    expect(wf.on.pull_request).toBeDefined();
    expect(Object.keys(wf.on.workflow_call?.inputs ?? {}).sort()).toEqual(['allow', 'build-command', 'config', 'cutover-command', 'install-command', 'node-version', 'upload-sarif', 'working-directory']);
    expect(wf.permissions['security-events']).toBe('write');
    expect(Object.values(wf.jobs)[0]!['timeout-minutes']).toBeGreaterThan(0);
  });

  it('runs drift and check, uploads SARIF, and fails when either failed', () => {
    const drift = steps.find((s) => s.id === 'drift');
    const check = steps.find((s) => s.id === 'check');
    expect(drift?.run).toContain('drift --config "$CONFIG"');
    expect(drift?.run).toContain('--allow "$ALLOW"');
    expect(check?.run).toContain('check --config "$CONFIG" --sarif cutover-check.sarif');
    expect(drift?.['continue-on-error'] && check?.['continue-on-error']).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    expect(steps.at(-1)?.if).toBe("steps.drift.outcome == 'failure' || steps.check.outcome == 'failure'");
    expect(steps.at(-1)?.run).toContain('exit 1');
  });

  it("runs this repository's own example through the built CLI", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, '.github/workflows/contract.yml'), 'utf8');
    expect(text).toContain("inputs.config || 'examples/cowork/cutover.config.ts'");
    expect(text).toContain("inputs.cutover-command || 'node bin/cutover.js'");
    expect(fs.existsSync(path.join(REPO_ROOT, 'examples/cowork/cutover.config.ts'))).toBe(true);
  });
});
