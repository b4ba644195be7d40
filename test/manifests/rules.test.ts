import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/src/findings.js';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { FIXTURES } from './ts-fixture.js';

const DIR = path.join(FIXTURES, 'rules');

/** One fixture per rule: facts.json in, expected.json (the rule's findings) out. UPDATE_FIXTURES=1 rewrites expected.json. */
function runRule(id: string): Finding[] {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const facts = JSON.parse(fs.readFileSync(path.join(DIR, id, 'facts.json'), 'utf8')) as Fact[];
  const findings = rule.check({ facts: indexFacts(facts) });
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync(path.join(DIR, id, 'expected.json'), `${JSON.stringify(findings, null, 2)}\n`);
  return JSON.parse(JSON.stringify(findings)) as Finding[];
}

function expected(id: string): Finding[] {
  return JSON.parse(fs.readFileSync(path.join(DIR, id, 'expected.json'), 'utf8')) as Finding[];
}

const summary = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.file}:${f.line} ${f.data?.name as string}`);

describe('check rules, one fixture each', () => {
  it('unregistered-invoke: unknown (with a suggestion), defined but not registered, registered but not defined; plugin commands are not the app\'s', () => {
    const out = runRule('unregistered-invoke');
    expect(summary(out)).toEqual(['error src/api.ts:2 agent_list_session', 'error src/api.ts:3 agent_hidden', 'error src/api.ts:4 agent_ghost']);
    expect(out[0]?.message).toContain('did you mean "agent_list_sessions"?');
    expect(out[1]?.message).toContain('is not registered in tauri::generate_handler!');
    expect(out[2]?.message).toContain('no #[tauri::command] fn agent_ghost was found');
    expect(out).toEqual(expected('unregistered-invoke'));
  });

  it('command-not-registered: matched by path, so a same-named command in another module counts separately', () => {
    const out = runRule('command-not-registered');
    expect(summary(out)).toEqual(['error src-tauri/src/commands.rs:9 status', 'error src-tauri/src/commands/debug.rs:12 agent_debug_dump']);
    expect(out).toEqual(expected('command-not-registered'));
  });

  it('registered-not-defined: a typo and a path to the wrong module', () => {
    const out = runRule('registered-not-defined');
    expect(summary(out)).toEqual(['error src-tauri/src/main.rs:11 agent_list_sesions', 'error src-tauri/src/main.rs:12 agent_list_sessions']);
    expect(out[0]?.message).toContain('did you mean "agent_list_sessions"?');
    expect(out).toEqual(expected('registered-not-defined'));
  });

  it('missing-handler: a forward to a sidecar command nobody handles', () => {
    const out = runRule('missing-handler');
    expect(summary(out)).toEqual(['error src-tauri/src/commands.rs:9 agent_stop_generation']);
    expect(out).toEqual(expected('missing-handler'));
  });

  it('unforwarded-handler: a warning once per name', () => {
    const out = runRule('unforwarded-handler');
    expect(summary(out)).toEqual(['warning src-sidecar/src/router.ts:20 daemon_health']);
    expect(out).toEqual(expected('unforwarded-handler'));
  });

  it('event-not-emitted: a listen is satisfied by a Rust emit or by a sidecar emit under a re-emit prefix; tauri:// events are Tauri\'s own', () => {
    const out = runRule('event-not-emitted');
    expect(summary(out)).toEqual(['error src/events.ts:7 agent:stream:chunks', 'error src/events.ts:8 agent:tool:start', 'error src/events.ts:9 daemon:status']);
    expect(out[0]?.message).toContain('did you mean "agent:stream:chunk"?');
    expect(out[1]?.message).toContain("nor does the sidecar emit 'tool:start'");
    expect(out).toEqual(expected('event-not-emitted'));
  });

  it('event-not-listened: a warning once per event, naming the frontend name a re-emit gives it', () => {
    const out = runRule('event-not-listened');
    expect(summary(out)).toEqual(['warning src-sidecar/src/runner.ts:50 tool:start', 'warning src-tauri/src/events.rs:31 agent:debug']);
    expect(out[0]?.message).toContain("delivered to the frontend as 'agent:tool:start'");
    expect(out).toEqual(expected('event-not-listened'));
  });

  it('conflicting-payload: two handlers, two cfg variants, two forwards with different shapes; identical duplicates, commands of two apps and of two plugins pass', () => {
    const out = runRule('conflicting-payload');
    expect(summary(out)).toEqual(['error src-sidecar/src/router.ts:30 agent_send_message', 'error src-tauri/src/commands.rs:9 status', 'error src-tauri/src/commands.rs:19 agent_stop_generation']);
    expect(out).toEqual(expected('conflicting-payload'));
  });

  it('forward-key-mismatch: required keys not sent are errors, keys never read are warnings; unknown keys or reads skip the check', () => {
    const out = runRule('forward-key-mismatch');
    expect(summary(out)).toEqual(['error src-tauri/src/commands.rs:5 agent_send_message', 'warning src-tauri/src/commands.rs:9 agent_subscribe']);
    expect(out[0]?.data).toMatchObject({ missing: ['sessionId'], unread: ['session_id'] });
    expect(out).toEqual(expected('forward-key-mismatch'));
  });

  it("invoke-key-mismatch: snake_case keys where Tauri expects camelCase, unknown keys (a warning on their own); optional parameters may be left out", () => {
    const out = runRule('invoke-key-mismatch');
    expect(summary(out)).toEqual(['error src/api.ts:1 agent_send_message', 'warning src/api.ts:4 agent_list']);
    expect(out[0]?.message).toContain('missing sessionId (Rust session_id); unknown session_id');
    expect(out).toEqual(expected('invoke-key-mismatch'));
  });

  it('several-apps: one warning naming each crate whose own app handler registers commands (plugins are no app)', () => {
    const out = runRule('several-apps');
    expect(out.map((f) => `${f.severity} ${f.file}:${f.line} ${JSON.stringify(f.data?.apps)}`)).toEqual(['warning apps/proxy/src/main.rs:12 ["desktop","proxy"]']);
    expect(out).toEqual(expected('several-apps'));
  });

  it('control-unhandled: a request no dispatch arm answers, with a suggestion; a warning when an arm whose name is not known statically could answer it', () => {
    const out = runRule('control-unhandled');
    expect(summary(out)).toEqual(['warning cli/src/client.rs:9 stauts']);
    expect(out[0]?.message).toContain('daemon/src/server.rs:22');
    expect(out[0]?.message).toContain('did you mean "status"?');
    expect(out).toEqual(expected('control-unhandled'));
  });

  it('control-unused: once per command no client asks for, naming the requests whose name is not known statically that could', () => {
    const out = runRule('control-unused');
    expect(summary(out)).toEqual(['warning daemon/src/protocol.rs:9 reload', 'warning daemon/src/protocol.rs:11 debug_dump']);
    expect(out[0]?.message).not.toContain('could');
    expect(out[1]?.message).toContain('a request whose name is not known statically could (cli/src/client.rs:12)');
    expect(out).toEqual(expected('control-unused'));
  });

  it('control-key-mismatch: a required field not sent is an error, a key never read a warning; unknown keys or reads skip the check', () => {
    const out = runRule('control-key-mismatch');
    expect(summary(out)).toEqual(['error cli/src/client.rs:5 sync', 'warning cli/src/client.rs:7 logs']);
    expect(out[0]?.data).toMatchObject({ missing: ['dryRun'], unread: [] });
    expect(out[1]?.data).toMatchObject({ missing: [], unread: ['line'] });
    expect(out).toEqual(expected('control-key-mismatch'));
  });

  it('unresolved-name: one warning per name, with the reason and what to do', () => {
    const out = runRule('unresolved-name');
    expect(summary(out)).toEqual(['warning src-tauri/src/commands.rs:20 name', 'warning src/api.ts:8 name', 'warning src/events.ts:3 `agent:${kind}`']);
    expect(out.every((f) => f.hint)).toBe(true);
    expect(out).toEqual(expected('unresolved-name'));
  });
  it('unresolved-keys: one warning per forward/handler pair whose keys could not be compared, naming the side and why; none for a comparable pair or a forward with no handler', () => {
    const out = runRule('unresolved-keys');
    expect(summary(out)).toEqual(['warning src-tauri/src/commands.rs:5 create_note', 'warning src-tauri/src/commands.rs:9 archive', 'warning src-tauri/src/commands.rs:13 both']);
    expect(out[0]?.message).toContain('the Rust side: the payload is a NoteInput');
    expect(out[1]?.message).toContain('the sidecar side (handler at src-sidecar/src/router.ts:7): it passes params whole');
    expect(out[2]?.message).toMatch(/the Rust side: .*; the sidecar side/);
    expect(out).toEqual(expected('unresolved-keys'));
  });
});
