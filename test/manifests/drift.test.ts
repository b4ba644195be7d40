import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifests } from '../../manifests/src/build/types.js';
import { compareManifests, type Change } from '../../manifests/src/drift/compare.js';
import { FIXTURES } from './ts-fixture.js';

const DIR = path.join(FIXTURES, 'drift');

/** One fixture per kind of change: before.json and after.json (both manifests) in, expected.json (the classified changes) out. */
function changes(name: string): Change[] {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(DIR, name, f), 'utf8')) as Manifests;
  const out = compareManifests(read('before.json'), read('after.json'));
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync(path.join(DIR, name, 'expected.json'), `${JSON.stringify(out, null, 2)}\n`);
  expect(out).toEqual(JSON.parse(fs.readFileSync(path.join(DIR, name, 'expected.json'), 'utf8')));
  return out;
}

const brief = (cs: Change[]) => cs.map((c) => `${c.class}: ${c.message}`);

describe('drift classification', () => {
  it('a removed command is breaking', () => {
    expect(brief(changes('removed-command'))).toEqual(['breaking: command agent_stop_generation: removed; callers of agent_stop_generation break']);
  });

  it('a renamed command (same schemas under a new name) is one breaking rename', () => {
    expect(brief(changes('renamed-command'))).toEqual(['breaking: command agent_stop_generation: renamed to agent_cancel_generation (same schemas); callers of agent_stop_generation break']);
  });

  it('a new command is additive', () => {
    expect(brief(changes('new-command'))).toEqual(['additive: command daemon_health: new command']);
  });

  it('a new required params field is breaking; a new optional one is additive', () => {
    expect(brief(changes('new-required-field'))).toEqual(['breaking: command agent_send_message: new required field params.model (string): callers that do not send it break']);
    expect(brief(changes('new-optional-field'))).toEqual(['additive: command agent_send_message: new optional field params.priority (number)']);
  });

  it('a narrowed or changed params type is breaking', () => {
    expect(brief(changes('narrowed-param'))).toEqual(['breaking: command agent_send_message: params.content narrowed: string → "hi" | "bye"; callers sending the rest break']);
    expect(brief(changes('changed-type'))).toEqual(['breaking: command agent_send_message: params.sessionId changed type: string → number']);
  });

  it('a result that may now be null or missing breaks consumers', () => {
    expect(brief(changes('widened-result'))).toEqual(['breaking: command agent_send_message: result.turnId widened: string → string | null; consumers may get values they do not handle']);
    expect(brief(changes('result-field-optional'))).toEqual(['breaking: command agent_send_message: result.turnId may now be missing: consumers that rely on it break']);
  });

  it('a Tauri command renamed in front of the same wire command is breaking for the frontend', () => {
    expect(brief(changes('tauri-renamed'))).toEqual([
      'breaking: command agent_stop_generation: Tauri command agent_stop_generation renamed to agent_cancel; callers of agent_stop_generation break',
      'metadata: command agent_stop_generation: producers added: rust command agent_cancel; producers removed: rust command',
    ]);
  });

  it('a command no sidecar handler answers any more is breaking', () => {
    expect(brief(changes('handler-dropped'))).toEqual([
      'breaking: command agent_stop_generation: no sidecar handler answers it any more; calls fail at run time',
      'metadata: command agent_stop_generation: producers removed: sidecar handler',
    ]);
  });

  it('events: removed and a frontend name dropped are breaking, a new payload field is additive', () => {
    expect(brief(changes('event-removed'))).toEqual(['breaking: event stream:chunk: removed; callers of stream:chunk break']);
    expect(brief(changes('event-frontend-name-removed'))).toEqual(['breaking: event stream:chunk: frontend name agent:stream:chunk no longer reaches it; callers of agent:stream:chunk break']);
    expect(brief(changes('event-payload-field-added'))).toEqual(['additive: event stream:chunk: new optional field payload.turnId (string)']);
  });

  it('a change of who consumes an entry is metadata, not contract', () => {
    expect(brief(changes('metadata-only'))).toEqual(['metadata: command agent_send_message: consumers added: frontend invoke {sessionId}']);
  });
});
