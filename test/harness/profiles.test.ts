import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarnessConfig } from '../../core/src/config/types.generated.js';
import { REPO_ROOT } from '../support/cli.js';
import { createContext } from '../../harness/src/context.js';
import { PROFILES } from '../../harness/src/profiles/registry.js';
import { recordScenario } from '../../harness/src/record.js';
import { replayTrace } from '../../harness/src/replay.js';
import { loadScenario } from '../../harness/src/scenario/load.js';
import { FAST, FIX, loaded } from './support.js';

const PROFILE_DIR = path.join(REPO_ROOT, 'harness/src/profiles');

describe('profile registry', () => {
  it('registers every profile file, and every profile has a fixture server and scenario', () => {
    const files = fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.ts') && f !== 'profile.ts' && f !== 'registry.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(PROFILES.map((p) => p.name).sort());
    for (const p of PROFILES) {
      expect(fs.existsSync(path.join(FIX, 'profiles', p.name, 'server.mjs')), `fixture server for ${p.name}`).toBe(true);
      expect(fs.existsSync(path.join(FIX, 'profiles', p.name, 'scenario.yaml')), `fixture scenario for ${p.name}`).toBe(true);
    }
  });
});

/** Per profile: the old path on stdio, the new path on a socket (tcp for the control socket). */
function config(profile: string): HarnessConfig {
  const server = path.join(FIX, 'profiles', profile, 'server.mjs');
  const jsonrpc = profile.startsWith('jsonrpc');
  const tcp = profile === 'control-socket';
  return {
    profile,
    timeouts: FAST,
    // Process start, in whole seconds: a fact about the run, not behaviour.
    ...(tcp ? { compare: { ignore: [{ path: 'data.started_at_unix', command: 'status' }] } } : {}),
    old: {
      transport: 'stdio',
      command: 'node',
      args: [server, ...(jsonrpc ? ['--require-init'] : [])],
      ready: profile === 'cowork-ndjson' ? 'message' : 'none',
      ...(jsonrpc ? { setup: [{ command: 'initialize', params: { client: 'cutover' } }] } : {}),
    },
    new: {
      transport: 'socket',
      command: 'node',
      args: tcp ? [server, '--tcp'] : [server, '--socket', '{{dataDir}}/s.sock', ...(profile === 'cowork-ndjson' ? ['--token-file', '{{dataDir}}/token'] : [])],
      dataDir: true,
      ready: { stream: 'stdout', pattern: '"type":"ready"', ...(tcp ? { endpoint: 'data.socket' } : {}) },
      ...(tcp ? {} : { endpoint: '{{dataDir}}/s.sock' }),
      ...(profile === 'cowork-ndjson' ? { token: { file: '{{dataDir}}/token' } } : {}),
    },
  };
}

describe.each(PROFILES.map((p) => p.name))('profile %s', (name) => {
  it('records on stdio and replays clean on the socket', async () => {
    const ctx = createContext(loaded(config(name)));
    const scenario = await loadScenario(path.join(FIX, 'profiles', name, 'scenario.yaml'));
    const { trace, findings } = await recordScenario(ctx, scenario);
    expect(findings).toEqual([]);
    const requests = trace.lines.filter((l) => l.type === 'request');
    const responses = trace.lines.filter((l) => l.type === 'response');
    expect(responses.length).toBe(requests.length);
    // The old path's initialize is a setup step: sent, never recorded.
    expect(requests.map((r) => r.type === 'request' && r.command)).not.toContain('initialize');
    const replay = await replayTrace(ctx, trace);
    expect(replay.findings).toEqual([]);
    expect(replay.actual.filter((l) => l.type === 'response').length).toBe(requests.length);
  });

  it('flags an answer that differs', async () => {
    const ctx = createContext(loaded(config(name)));
    const scenario = await loadScenario(path.join(FIX, 'profiles', name, 'scenario.yaml'));
    const { trace } = await recordScenario(ctx, scenario);
    // Tamper with the golden answer to the first request: the replay must notice.
    const first = trace.lines.find((l) => l.type === 'response')!;
    const msg = structuredClone((first as { message: Record<string, unknown> }).message);
    const key = 'result' in msg ? 'result' : 'data';
    msg[key] = { tampered: true };
    (first as { message: unknown }).message = msg;
    const replay = await replayTrace(ctx, trace);
    expect(replay.findings.map((f) => f.id)).toContain('replay-missing');
    expect(replay.findings.some((f) => f.message.includes(`${key}.tampered`))).toBe(true);
  });
});
