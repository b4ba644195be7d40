import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/src/errors.js';
import { gateInputs } from '../../matrix/src/gate/inputs.js';
import { GATE_RULES } from '../../matrix/src/gate/registry.js';
import { runGate } from '../../matrix/src/gate/run-gate.js';
import type { GateRule } from '../../matrix/src/gate/types.js';
import { matrixSettings } from '../../matrix/src/settings.js';
import { load, tempProject, type TempProject } from '../matrix/helpers.js';
import { SIGNOFF } from './helpers.js';

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

async function passingProject() {
  const p = await tempProject({
    'cutover.config.yaml': 'tasks:\n  sources:\n    - path: RUNBOOK.md\ngate:\n  signoffs:\n    roles: []\n  require:\n    matrix: false\n    contract: false\n    reason: rules under test only\n',
    'RUNBOOK.md': '# R\n\n## Phase 1\n\n- [ ] `T-001` (`OPS`) Open, but only under rules that ignore it.\n',
    'SIGNOFF.md': SIGNOFF,
  });
  projects.push(p);
  return load(p.dir);
}

describe('the gate fails closed', () => {
  it('a rule that throws blocks with gate-internal-error, never a pass', async () => {
    const loaded = await passingProject();
    const boom: GateRule = {
      id: 'boom',
      category: 'tasks',
      description: 'throws',
      run: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'status')");
      },
    };
    const ok: GateRule = { id: 'ok', category: 'tasks', description: 'passes', run: async () => ({ reasons: [] }) };
    const result = await runGate({ loaded, rules: [ok, boom] });
    expect(result.verdict).toBe('BLOCK');
    expect(result.reasons.map((r) => [r.id, r.category, r.rule])).toEqual([['gate-internal-error', 'internal', 'boom']]);
    expect(result.reasons[0]!.message).toBe(`rule "boom" could not be evaluated: Cannot read properties of undefined (reading 'status')`);
    expect(result.rules.map((r) => `${r.id}:${r.status}`)).toEqual(['ok:ok', 'boom:error']);
  });

  it('an input that cannot be parsed blocks as gate-input-unreadable with its location', async () => {
    const loaded = await passingProject();
    const inputs = gateInputs(loaded, matrixSettings(loaded));
    inputs.tasks = async () => {
      throw new ConfigError('not valid YAML: bad indentation', { location: { file: `${loaded.dir}/ledger.yaml`, line: 7 }, hint: 'Fix the indentation.' });
    };
    const result = await runGate({ loaded, inputs, rules: GATE_RULES.filter((r) => r.id === 'task-lists') });
    expect(result.verdict).toBe('BLOCK');
    expect(result.reasons).toMatchObject([{ id: 'gate-input-unreadable', category: 'inputs', file: 'ledger.yaml', line: 7, message: 'not valid YAML: bad indentation', hint: 'Fix the indentation.' }]);
  });

  it('an internal error in a shared input blocks every rule that needed it', async () => {
    const loaded = await passingProject();
    const inputs = gateInputs(loaded, matrixSettings(loaded));
    inputs.tasks = async () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const result = await runGate({ loaded, inputs });
    expect(result.verdict).toBe('BLOCK');
    const internal = result.reasons.filter((r) => r.id === 'gate-internal-error').map((r) => r.rule);
    expect(internal.sort()).toEqual(['evidence', 'task-lists', 'tasks-open']);
    // The dashboard data degrades instead of crashing.
    expect(result.tasks).toBeUndefined();
  });

  it('a project with no task list blocks: nothing would prove the migration complete', async () => {
    const p = await tempProject({ 'cutover.config.yaml': 'name: empty\ngate:\n  signoffs:\n    roles: []\n  require:\n    matrix: false\n    contract: false\n    reason: rules under test only\n' });
    projects.push(p);
    const result = await runGate({ loaded: await load(p.dir) });
    expect(result.verdict).toBe('BLOCK');
    expect(result.reasons.map((r) => r.id)).toEqual(['gate-input-unreadable']);
    expect(result.reasons[0]!.message).toMatch(/no task list is configured/);
  });

  it('a task list with no task blocks', async () => {
    const p = await tempProject({ 'cutover.config.yaml': 'tasks:\n  sources:\n    - path: RUNBOOK.md\ngate:\n  signoffs:\n    roles: []\n  require:\n    matrix: false\n    contract: false\n    reason: rules under test only\n', 'RUNBOOK.md': '# Nothing here\n\nJust prose.\n' });
    projects.push(p);
    const result = await runGate({ loaded: await load(p.dir) });
    expect(result.reasons.map((r) => r.id)).toEqual(['task-source-empty']);
    expect(result.reasons[0]!.message).toBe('task list RUNBOOK.md holds no task');
  });
});
