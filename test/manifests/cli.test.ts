import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/cli.js';
import { ExampleCopy } from './example-copy.js';

let copy: ExampleCopy;
const cli = (...args: string[]) => runBuiltCli(args, { cwd: copy.dir, timeoutMs: 120_000 });

beforeEach(async () => {
  copy = await ExampleCopy.create();
});
afterEach(() => copy.remove());

describe('cutover manifest / drift / check, end to end (built CLI)', () => {
  it('drift passes on the committed manifests, fails on an unacknowledged additive change, passes it with --allow additive, and manifest --update acknowledges it', async () => {
    expect((await cli('drift')).code).toBe(0);
    copy.edit('src-sidecar/src/types.ts', 'export interface SendMessageParams {\n', 'export interface SendMessageParams {\n  priority?: number;\n');

    const failed = await cli('drift');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('1 change(s): 0 breaking, 1 additive, 0 metadata');
    expect(failed.stdout).toContain('+          "priority": {');
    expect((await cli('drift', '--allow', 'additive')).code).toBe(0);

    const update = await cli('manifest', '--update');
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('additive command agent_send_message: new optional field params.priority (number)');
    expect(update.stdout).toContain('wrote manifests/commands.json');
    expect(update.stdout).toContain('wrote manifests/types.d.ts');
    expect((await cli('drift')).code).toBe(0);
  }, 180_000);

  it('check --json prints exactly one JSON document and exits 1 on an error; --sarif writes SARIF 2.1.0', async () => {
    copy.edit('src-tauri/src/commands/session.rs', 'pub async fn agent_list_sessions(', 'pub async fn agent_list_all_sessions(');
    copy.edit('src-tauri/src/main.rs', 'commands::session::agent_list_sessions,', 'commands::session::agent_list_all_sessions,');
    const r = await cli('check', '--json', '--sarif', 'out/check.sarif');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; findings: { id: string; file: string; line: number }[] };
    expect(doc.ok).toBe(false);
    expect(doc.findings.filter((f) => f.id === 'unregistered-invoke')).toEqual([expect.objectContaining({ file: 'src/lib/api.ts' })]);
    const sarif = JSON.parse(fs.readFileSync(path.join(copy.dir, 'out/check.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0]?.results.find((x) => x.ruleId === 'unregistered-invoke');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/lib/api.ts');
  }, 120_000);

  it('prints GitHub annotations when run in GitHub Actions', async () => {
    copy.edit('src-tauri/src/commands/agent.rs', 'json!({ "sessionId": session_id })', 'json!({ "session_id": session_id })');
    const r = await runBuiltCli(['check'], { cwd: copy.dir, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '' }, timeoutMs: 90_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=src-tauri\/src\/commands\/agent\.rs,line=23,title=forward-key-mismatch::agent_stop_generation forwards/m);
  }, 120_000);

  it('manifest prints the contract (one JSON document with --json) and writes nothing without --update', async () => {
    const before = copy.read('manifests/commands.json');
    const human = await cli('manifest');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^commands\.json: \d+ command\(s\)$/m);
    expect(human.stdout).toMatch(/^ {2}stream:chunk → agent:stream:chunk {2}/m);
    const json = await cli('manifest', '--json');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { commands: { formatVersion: number; commands: unknown[] }; events: { events: unknown[] } };
    expect(doc.commands.formatVersion).toBe(1);
    expect(`${JSON.stringify(doc.commands, null, 2)}\n`).toBe(before);
    expect(copy.read('manifests/commands.json')).toBe(before);
    const help = await cli('manifest', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--update');
    expect(help.stdout).toContain('--no-locations');
  }, 120_000);

  it('exits 2 on bad usage and on a committed manifest that is not valid, naming file and line', async () => {
    const usage = await cli('drift', '--allow', 'breaking');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--allow breaking: expected additive or metadata');

    const file = path.join(copy.dir, 'manifests/commands.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"formatVersion": 1', '"formatVersion": 2'));
    const bad = await cli('drift');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a valid commands manifest');
    expect(bad.stderr).toContain('commands.json:2  formatVersion: expected 1, found number 2');
  }, 120_000);
});
