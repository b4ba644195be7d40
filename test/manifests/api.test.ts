import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildManifests, checkProject, driftProject } from '../../manifests/src/index.js';
import { ExampleCopy } from './example-copy.js';

let copy: ExampleCopy;
beforeEach(async () => {
  copy = await ExampleCopy.create();
}, 60_000);
afterEach(() => copy.remove());

describe('cutover/manifests public API (what the gate calls)', () => {
  it('checkProject and driftProject resolve to { findings }, with paths relative to the config folder', async () => {
    const loaded = await copy.config();
    expect((await checkProject(loaded)).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect((await driftProject(loaded)).findings).toEqual([]);
    copy.edit('src-tauri/src/commands/agent.rs', 'json!({ "sessionId": session_id })', 'json!({ "session_id": session_id })');
    const errors = (await checkProject(loaded)).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ id: 'forward-key-mismatch', file: 'src-tauri/src/commands/agent.rs', line: 23 })]);
  }, 90_000);

  it('fails closed: missing or unreadable committed manifests are error findings, not exceptions', async () => {
    const loaded = await copy.config();
    fs.writeFileSync(path.join(copy.dir, 'manifests/events.json'), '{ "formatVersion": 1, "events": [ }');
    const invalid = await driftProject(loaded);
    expect(invalid.findings).toEqual([expect.objectContaining({ id: 'manifest-invalid', severity: 'error', file: 'manifests/events.json', line: 1 })]);
    fs.rmSync(path.join(copy.dir, 'manifests'), { recursive: true });
    const missing = await driftProject(loaded);
    expect(missing.findings.map((f) => `${f.id} ${f.file}`)).toEqual(['manifest-missing manifests/commands.json', 'manifest-missing manifests/events.json']);
  }, 90_000);

  it('buildManifests returns both manifests', async () => {
    const m = await buildManifests(await copy.config());
    expect(m.commands.commands.length).toBeGreaterThan(10);
    expect(m.events.events.map((e) => e.name)).toContain('stream:chunk');
  }, 90_000);
});
