import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHarness } from '../../harness/src/run-harness.js';
import { readTrace } from '../../harness/src/trace/read.js';
import { ensureSidecarBuilt } from '../support/example.js';
import { EXAMPLE_DIR, exampleConfig } from './support.js';

beforeAll(() => {
  ensureSidecarBuilt();
});

describe('the bundled example (examples/cowork)', () => {
  it('has a golden trace, recorded on stdio, for every scenario', () => {
    const scenarios = fs.readdirSync(path.join(EXAMPLE_DIR, 'cutover/scenarios')).map((f) => f.replace(/\.ya?ml$/, ''));
    for (const s of scenarios) {
      const t = readTrace(path.join(EXAMPLE_DIR, 'cutover/traces', `${s}.jsonl`));
      expect(t.header).toMatchObject({ scenario: s, transport: 'stdio', profile: 'cowork-ndjson' });
      // Committed traces carry no absolute path of the machine that recorded them.
      expect(JSON.stringify(t.lines)).not.toMatch(/\/tmp\/|\/work\//);
    }
  });

  it('replays every golden trace clean against the daemon, and every built-in scenario passes', async () => {
    const loaded = await exampleConfig();
    // The traffic of both paths is also held to the manifests extracted from the example's sources.
    expect(loaded.config.harness?.contract).toBeDefined();
    const result = await runHarness({ loaded });
    expect(result.findings, result.summary).toEqual([]);
    expect(result.ok).toBe(true);
    const ran = result.units.map((u) => `${u.kind}:${u.name}:${u.status}`);
    expect(ran).toEqual([
      'trace:errors:passed',
      'trace:interactions:passed',
      'trace:services:passed',
      'trace:sessions:passed',
      'builtin:roundtrip:passed',
      'builtin:catchup:passed',
      'builtin:stale-cursor:passed',
      'builtin:crash-recovery:passed',
      'builtin:single-instance:passed',
      'builtin:auth:passed',
      'builtin:malformed-line:passed',
      'builtin:client-vanish:passed',
    ]);
    expect(result.units.find((u) => u.name === 'interactions')!.messages).toBeGreaterThan(30);
  }, 180_000);
});
