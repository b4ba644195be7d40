import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarnessConfig } from '../../core/src/config/types.generated.js';
import { ConfigError } from '../../core/src/errors.js';
import { runHarness } from '../../harness/src/run-harness.js';
import { BUILTIN_NAMES } from '../../harness/src/scenarios/builtin.js';
import { BUILTINS } from '../../harness/src/scenarios/registry.js';
import { REPO_ROOT } from '../support/cli.js';
import { COWORK_TARGET, FAST, loaded, socketTarget, tempDir } from './support.js';

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

  it('malformed-line: an error answer without an id is named as such at once, not waited for as "no answer"', async () => {
    const r = await runHarness({ loaded: loaded(fixture('no-id-errors')), traces: [], scenarios: ['malformed-line'] });
    const found = r.findings.filter((f) => f.id === 'malformed-line-unanswered').map((f) => f.message);
    expect(found).toEqual([
      'malformed-line: the malformed line "this is not json" got {"success":false,"error":"malformed request: not valid JSON"}, which is not a response: it carries no request id',
      'malformed-line: the malformed line "{\\"id\\":\\"half\\", \\"command\\":" got {"success":false,"error":"malformed request: not valid JSON"}, which is not a response: it carries no request id',
      'malformed-line: the malformed line "[1,2,3]" got {"success":false,"error":"malformed request: expected a JSON object"}, which is not a response: it carries no request id',
    ]);
    expect(r.units[0]!.durationMs).toBeLessThan(FAST.responseMs);
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

  it('nothing to run is refused, never "all passed": built-ins asked with none configured, or only a trace that belongs to no scenario', async () => {
    const bare = loaded({ new: socketTarget(), timeouts: FAST });
    await expect(runHarness({ loaded: bare, traces: [], scenarios: 'all' })).rejects.toThrow(/^the harness has nothing to run: no built-in scenario it can run$/);
    const dir = await tempDir();
    try {
      await fsp.mkdir(path.join(dir.path, 'traces'));
      await fsp.writeFile(path.join(dir.path, 'traces/old.jsonl'), '');
      const stale = loaded({ new: socketTarget(), timeouts: FAST, traces: 'traces' }, dir.path);
      await expect(runHarness({ loaded: stale })).rejects.toThrow(/^the harness has nothing to run: no scenario in harness.scenarios and no built-in scenario it can run \(old.jsonl in the traces folder belongs to no scenario\)$/);
    } finally {
      await dir.remove();
    }
  });
});

/** The fixture as a daemon with no turns to stream: one command (rename) makes it emit an event; state survives kill -9. */
function emitting(emit: { command: string; params?: Record<string, unknown>; event?: string }, buffer = 20, more: Record<string, unknown> = {}): HarnessConfig {
  return {
    new: socketTarget('', {
      args: [COWORK_TARGET, '--socket', '{{dataDir}}/fixture.sock', '--token-file', '{{dataDir}}/token', '--state', '{{dataDir}}/state.json'],
      env: { FIXTURE_BUFFER: String(buffer) },
    }),
    timeouts: FAST,
    builtins: {
      createSession: { command: 'create', params: { title: 't' } },
      emit,
      health: { command: 'echo', params: { ping: true } },
      eventsSince: { command: 'events_since' },
      bootstrap: { command: 'bootstrap' },
      streamLength: 12,
      staleAfter: 30,
      ...more,
    },
  };
}

const RENAME = { command: 'rename', params: { sessionId: '{{session}}', title: 'title {{n}}' }, event: 'session:updated' };
const OFFLINE = ['catchup', 'stale-cursor', 'crash-recovery', 'auth', 'client-vanish'];

describe('built-in scenarios on a target that only emits when asked (harness.builtins.emit)', () => {
  it('catch-up, stale cursor, crash recovery, auth and client-vanish run and pass', async () => {
    const r = await runHarness({ loaded: loaded(emitting(RENAME)), scenarios: OFFLINE });
    expect(r.findings).toEqual([]);
    expect(r.units.map((u) => `${u.name}:${u.status}`)).toEqual(OFFLINE.map((n) => `${n}:passed`));
    expect(r.ok).toBe(true);
  }, 90_000);

  it('with nothing to observe, each is inconclusive (not passed), says what happened and what it would need', async () => {
    // echo answers and emits nothing: no event, an empty replay buffer.
    const cfg = emitting({ command: 'echo' });
    delete cfg.builtins!.createSession;
    const r = await runHarness({ loaded: loaded(cfg), scenarios: ['catchup', 'stale-cursor', 'auth', 'client-vanish'] });
    expect(r.units.map((u) => `${u.name}:${u.status}`)).toEqual(['catchup:inconclusive', 'stale-cursor:inconclusive', 'auth:inconclusive', 'client-vanish:inconclusive']);
    expect(r.ok).toBe(false);
    expect(r.summary).toBe('0 traces replayed, 4 built-in scenarios run: 4 inconclusive (0 errors, 4 warnings)');
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual(Array(4).fill(['scenario-inconclusive', 'warning']));
    expect(r.findings.map((f) => f.message)).toEqual([
      'catchup is inconclusive: no event was emitted, so there was nothing to catch up on',
      'stale-cursor is inconclusive: the replay buffer is empty (no event was emitted), so no cursor could be stale',
      'auth is inconclusive: both probes were refused, but no event was emitted afterwards, so whether events reach connections that never authenticated was not seen',
      'client-vanish is inconclusive: no event was emitted, so there was no stream for a client to vanish from',
    ]);
    for (const f of r.findings) expect(f.hint).toMatch(/^It would have needed harness\.builtins\.emit: a command that makes the target emit an event/);
  }, 90_000);

  it('a stale cursor cannot be seen while the replay buffer holds every event: inconclusive, with the setting to raise', async () => {
    const r = await runHarness({ loaded: loaded(emitting(RENAME, 100)), scenarios: ['stale-cursor'] });
    expect(r.units[0]).toMatchObject({ status: 'inconclusive', reason: "the replay buffer held all 31 events, so cursor 0 was not stale yet; needs harness.builtins.staleAfter above the size of the target's replay buffer (it is 30)" });
  }, 60_000);

  it('auth with no event to leak: inconclusive; auth with events and a working token check: passed', async () => {
    const bare = { new: socketTarget(), timeouts: FAST, builtins: { health: { command: 'echo' } } };
    const r = await runHarness({ loaded: loaded(bare), scenarios: ['auth'] });
    expect(r.units[0]!.status).toBe('inconclusive');
    const withEvents = await runHarness({ loaded: loaded({ ...bare, builtins: { ...bare.builtins, createSession: { command: 'create' } } }), scenarios: ['auth'] });
    expect(withEvents.units[0]!.status).toBe('passed');
  }, 60_000);
});
