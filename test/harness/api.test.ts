// The harness as a project uses it inside its own vitest tests: through the package export.
import { describe, expect, it } from 'vitest';
import { openTarget, replayTrace, createContext, readTrace, PROFILES } from 'cutover/harness';
import path from 'node:path';
import { EXAMPLE_DIR, exampleConfig } from './support.js';
import { ensureSidecarBuilt } from '../support/example.js';

describe("import { … } from 'cutover/harness'", () => {
  it('starts the daemon of the example, talks to it, and ends it', async () => {
    ensureSidecarBuilt();
    const loaded = await exampleConfig();
    const daemon = await openTarget(loaded, 'new');
    try {
      const health = await daemon.client().request({ command: 'daemon_health' });
      expect(health.ok).toBe(true);
      expect(health.msg).toMatchObject({ success: true, result: { status: 'ok', sessionCount: 0 } });
    } finally {
      await daemon.stop();
    }
    expect(daemon.transport.process?.alive).toBe(false);
  });

  it('replays one golden trace', async () => {
    const loaded = await exampleConfig();
    const trace = readTrace(path.join(EXAMPLE_DIR, 'cutover/traces/services.jsonl'));
    const { findings } = await replayTrace(createContext(loaded), trace);
    expect(findings).toEqual([]);
    expect(PROFILES.map((p) => p.name)).toContain('cowork-ndjson');
  });
});
