import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/src/findings.js';
import type { Change } from '../../manifests/src/drift/compare.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { readCommitted } from '../../manifests/src/project/committed.js';
import { runDrift } from '../../manifests/src/project/drift.js';
import { ExampleCopy } from './example-copy.js';

let copy: ExampleCopy;
let baseline: string[];

const key = (f: Finding) => `${f.severity} ${f.id} ${String(f.data?.name)}`;

/** The real pipeline over the copy: check findings that are new against the unmutated copy, and the contract changes drift sees. */
async function pipeline(): Promise<{ added: string[]; contract: Change[]; all: Change[] }> {
  const a = await analyze(manifestOptions(await copy.config()));
  const findings = runChecks(a).map(key);
  const all = runDrift(a, readCommitted(a.options.out), new Set()).changes;
  return { added: findings.filter((f) => !baseline.includes(f)), contract: all.filter((c) => c.class !== 'metadata'), all };
}

beforeEach(async () => {
  copy = await ExampleCopy.create();
  const a = await analyze(manifestOptions(await copy.config()));
  baseline = runChecks(a).map(key);
  expect(runDrift(a, readCommitted(a.options.out), new Set()).changes).toEqual([]);
}, 60_000);

afterEach(() => copy.remove());

describe('mutations of the example, each caught', () => {
  it('renaming a Rust command: check finds the frontend invoking a command that no longer exists; drift calls it breaking', async () => {
    copy.edit('src-tauri/src/commands/session.rs', 'pub async fn agent_list_sessions(', 'pub async fn agent_list_all_sessions(');
    copy.edit('src-tauri/src/main.rs', 'commands::session::agent_list_sessions,', 'commands::session::agent_list_all_sessions,');
    const { added, contract } = await pipeline();
    expect(added).toEqual(['error unregistered-invoke agent_list_sessions']);
    expect(contract.map((c) => `${c.class}: ${c.message}`)).toEqual([
      'breaking: command agent_list_sessions: Tauri command agent_list_sessions renamed to agent_list_all_sessions; callers of agent_list_sessions break',
    ]);
  }, 90_000);

  it('dropping a sidecar handler: check finds the forward with no handler; drift calls it breaking', async () => {
    copy.edit('src-sidecar/src/ipc-handler.ts', /registerHandler\('agent_stop_generation'[\s\S]*?\n {2}\);\n/, '');
    const { added, contract } = await pipeline();
    expect(added).toEqual(['error missing-handler agent_stop_generation']);
    expect(contract.filter((c) => c.class === 'breaking').map((c) => c.message)).toContain('command agent_stop_generation: no sidecar handler answers it any more; calls fail at run time');
    expect(contract.every((c) => c.name === 'agent_stop_generation')).toBe(true);
  }, 90_000);

  it('changing a json! key: check finds the forwarded keys and the handler disagree; the contract itself is unchanged', async () => {
    copy.edit('src-tauri/src/commands/agent.rs', 'json!({ "sessionId": session_id })', 'json!({ "session_id": session_id })');
    const { added, contract, all } = await pipeline();
    expect(added).toEqual(['error forward-key-mismatch agent_stop_generation']);
    expect(contract).toEqual([]);
    expect(all.map((c) => `${c.class} ${c.name}`)).toEqual(['metadata agent_stop_generation']);
  }, 90_000);

  it('adding an optional field: check stays as it was; drift calls it additive', async () => {
    copy.edit('src-sidecar/src/types.ts', 'export interface SendMessageParams {\n', 'export interface SendMessageParams {\n  priority?: number;\n');
    const { added, contract } = await pipeline();
    expect(added).toEqual([]);
    expect(contract.map((c) => `${c.class}: ${c.message}`)).toEqual(['additive: command agent_send_message: new optional field params.priority (number)']);
  }, 90_000);
});
