import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { REPO_ROOT } from '../support/cli.js';
import { runCheck } from './helpers.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples/cowork');

describe('harness check kind against the bundled example', () => {
  it.skipIf(process.platform === 'win32')('a built-in scenario that passes is a passed cell with the harness summary as output', async () => {
    const loaded = await loadConfig({ configPath: path.join(EXAMPLE, 'cutover.config.ts') });
    const { outcome } = await runCheck(EXAMPLE, { kind: 'harness', scenarios: ['auth'] }, { loaded, timeoutMs: 60_000 });
    expect(outcome.status, outcome.message).toBe('passed');
    expect(outcome.runs[0]!.output).toMatch(/1 built-in scenario/);
  });

  it('an unknown scenario never passes', async () => {
    const loaded = await loadConfig({ configPath: path.join(EXAMPLE, 'cutover.config.ts') });
    const { outcome } = await runCheck(EXAMPLE, { kind: 'harness', scenarios: ['no-such-scenario'] }, { loaded });
    expect(outcome.status).not.toBe('passed');
    expect(outcome.message).toMatch(/no-such-scenario/);
  });
});
