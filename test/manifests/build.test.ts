import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifests, renderJson } from '../../manifests/src/build/manifest.js';
import type { Fact } from '../../manifests/src/model.js';
import { FIXTURES } from './ts-fixture.js';

const DIR = path.join(FIXTURES, 'build');

function build(name: string, locations: boolean, order: (facts: Fact[]) => Fact[] = (f) => f) {
  const facts = order(JSON.parse(fs.readFileSync(path.join(DIR, name, 'facts.json'), 'utf8')) as Fact[]);
  const m = buildManifests(facts, { locations });
  const suffix = locations ? '' : '.no-locations';
  const files = { commands: `commands${suffix}.json`, events: `events${suffix}.json` };
  if (process.env.UPDATE_FIXTURES) {
    fs.writeFileSync(path.join(DIR, name, files.commands), renderJson(m.commands));
    fs.writeFileSync(path.join(DIR, name, files.events), renderJson(m.events));
  }
  return {
    m,
    text: { commands: renderJson(m.commands), events: renderJson(m.events) },
    expected: { commands: fs.readFileSync(path.join(DIR, name, files.commands), 'utf8'), events: fs.readFileSync(path.join(DIR, name, files.events), 'utf8') },
  };
}

describe('facts → commands.json', () => {
  it('keys entries by wire name: a Tauri command forwarding under another name is listed in tauriNames, and the invoke joins the wire entry', () => {
    const { m, text, expected } = build('commands-join', true);
    const list = m.commands.commands.find((c) => c.name === 'agent_list_sessions');
    expect(list?.tauriNames).toEqual(['list_all']);
    expect(list?.params).toEqual({ properties: { limit: { type: 'number' } }, type: 'object' });
    expect(list?.consumers.filter((r) => r.kind === 'invoke').map((r) => `${r.name}@${r.file}:${r.line}`)).toEqual(['list_all@src/api.ts:3', 'list_all@src/other.ts:9']);
    expect(m.commands.commands.map((c) => c.name)).toEqual(['agent_list_sessions', 'app_version', 'daemon_health', 'debug_dump', 'not_defined']);
    expect(text).toEqual(expected);
  });

  it("takes a Rust-only command's params and result from Rust, and marks a command missing from generate_handler!", () => {
    const { m } = build('commands-join', true);
    const app = m.commands.commands.find((c) => c.name === 'app_version');
    expect(app).toMatchObject({ params: { properties: { verbose: { type: 'boolean' } }, required: ['verbose'] }, result: { type: 'string' } });
    expect(m.commands.commands.find((c) => c.name === 'debug_dump')?.producers).toEqual([
      { side: 'rust', kind: 'command', path: 'commands::debug_dump', registered: false, file: 'src-tauri/src/commands.rs', line: 40 },
    ]);
    expect(m.commands.unresolved).toHaveLength(1);
  });

  it('without locations, drops file:line and merges the refs that become identical', () => {
    const { m, text, expected } = build('commands-join', false);
    const refs = m.commands.commands.find((c) => c.name === 'agent_list_sessions')?.consumers ?? [];
    expect(refs.filter((r) => r.kind === 'invoke')).toEqual([
      { side: 'frontend', kind: 'invoke', name: 'list_all', keys: [] },
      { side: 'frontend', kind: 'invoke', name: 'list_all', keys: ['limit'] },
    ]);
    expect(text.commands).not.toMatch(/"line"/);
    expect(text).toEqual(expected);
  });

  it('is deterministic whatever order the facts come in', () => {
    const a = build('commands-join', true).text;
    const b = build('commands-join', true, (f) => [...f].reverse()).text;
    expect(b).toEqual(a);
  });
});

describe('facts → events.json', () => {
  it('joins listen("agent:stream:chunk") to the sidecar emit of stream:chunk through the re-emit prefix; payloads of several emits become anyOf', () => {
    const { m, text, expected } = build('events-join', true);
    const chunk = m.events.events.find((e) => e.name === 'stream:chunk');
    expect(chunk?.frontendNames).toEqual(['agent:stream:chunk']);
    expect(chunk?.payload?.anyOf).toHaveLength(2);
    expect(chunk?.consumers.map((r) => r.name)).toEqual(['agent:stream:chunk', 'agent:stream:chunk']);
    expect(m.events.events.map((e) => e.name)).toEqual(['agent:ghost', 'agent:ready', 'stream:chunk', 'stream:done']);
    expect(m.events.events.find((e) => e.name === 'agent:ghost')?.producers).toEqual([]);
    expect(m.events.unresolved?.map((u) => u.role)).toEqual(['listen']);
    expect(text).toEqual(expected);
  });

  it('without locations', () => {
    const { text, expected } = build('events-join', false);
    expect(text).toEqual(expected);
  });
});
