import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarnessConfig } from '../../core/src/config/types.generated.js';
import { ConfigError } from '../../core/src/errors.js';
import { runHarness } from '../../harness/src/run-harness.js';
import { BUILTIN_NAMES } from '../../harness/src/scenarios/builtin.js';
import { BUILTINS } from '../../harness/src/scenarios/registry.js';
import { REPO_ROOT } from '../support/cli.js';
import { FAST, loaded, socketTarget } from './support.js';

const HELPERS = new Set(['builtin.ts', 'registry.ts', 'helpers.ts', 'resolve.ts', 'run-builtin.ts']);

describe('built-in scenario registry', () => {
  it('registers every scenario file, under the names the config schema allows', () => {
    const files = fs.readdirSync(path.join(REPO_ROOT, 'harness/src/scenarios')).filter((f) => !HELPERS.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(BUILTINS.map((b) => b.name).sort());
    expect(BUILTINS.map((b) => b.name)).toEqual([...BUILTIN_NAMES]);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'harness/config/harness.schema.json'), 'utf8'));
    expect(schema.definitions.builtins.properties.enabled.items.enum).toEqual([...BUILTIN_NAMES]);
  });
});

/** The cowork fixture as a daemon, with the built-ins pointed at its commands. */
function fixture(mode = ''): HarnessConfig {
  return {
    new: socketTarget(mode),
    timeouts: FAST,
    builtins: {
      createSession: { command: 'create', params: { title: 't' } },
      sendMessage: { command: 'stream', params: { sessionId: '{{session}}', n: '{{content}}' } },
      streamContent: '{n}',
      streamLength: 40,
      health: { command: 'echo', params: { ping: true } },
      doneEvent: 'done',
    },
  };
}

describe('built-in scenarios against a fixture daemon', () => {
  it('client-vanish, auth and malformed-line pass on a daemon that keeps its promises', async () => {
    const r = await runHarness({ loaded: loaded(fixture()), scenarios: ['client-vanish', 'auth', 'malformed-line'] });
    expect(r.findings).toEqual([]);
    expect(r.units.map((u) => u.status)).toEqual(['passed', 'passed', 'passed']);
  });

  it('client-vanish fails on a daemon that dies when a client leaves', async () => {
    const r = await runHarness({ loaded: loaded(fixture('die-on-disconnect')), scenarios: ['client-vanish'] });
    expect([...new Set(r.findings.map((f) => f.id))]).toEqual(['daemon-unhealthy']);
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/died after a client vanished mid-stream: .*exited with code 3/);
  });

  it('single-instance fails on a daemon that takes no lock', async () => {
    // The fixture replaces a socket file it finds: a second instance runs happily beside the first.
    const cfg = { ...fixture(), timeouts: { ...FAST, readyMs: 5000 } };
    const r = await runHarness({ loaded: loaded(cfg), scenarios: ['single-instance'] });
    expect(r.findings.map((f) => f.id)).toContain('instance-not-exclusive');
    expect(r.findings.find((f) => f.id === 'instance-not-exclusive')!.message).toBe('single-instance: a second instance on the same data dir was still running after 5000 ms');
  }, 60_000);

  it('a hanging daemon is a target failure, reported as a finding by runHarness', async () => {
    const r = await runHarness({ loaded: loaded(fixture('hang')), scenarios: ['client-vanish'] });
    expect(r.ok).toBe(false);
    expect(r.targetError).toBeDefined();
    expect(r.findings.map((f) => f.id)).toEqual(['target-failed']);
  });

  it('refuses to run a scenario the config does not equip, saying what is missing', async () => {
    await expect(runHarness({ loaded: loaded(fixture()), scenarios: ['catchup'] })).rejects.toThrow(ConfigError);
    await expect(runHarness({ loaded: loaded(fixture()), scenarios: ['catchup'] })).rejects.toThrow(/catchup cannot run: it needs harness.builtins.eventsSince/);
  });

  it('skips, and lists, the ones it cannot run when everything is asked for', async () => {
    const r = await runHarness({ loaded: loaded(fixture()), traces: [], scenarios: 'all' });
    const skipped = r.units.filter((u) => u.status === 'skipped').map((u) => `${u.name}: ${u.reason}`);
    expect(skipped).toContain('roundtrip: needs harness.builtins.roundTrip, harness.old');
    expect(skipped).toContain('catchup: needs harness.builtins.eventsSince');
  }, 60_000);
});
