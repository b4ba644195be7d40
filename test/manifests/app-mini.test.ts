import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { readCommitted } from '../../manifests/src/project/committed.js';
import { runDrift } from '../../manifests/src/project/drift.js';
import { writeManifests } from '../../manifests/src/project/write.js';
import { FIXTURES } from './ts-fixture.js';

const DIR = path.join(FIXTURES, 'app-mini');

/** The whole pipeline (Rust and TypeScript extractors, builder, rules) over a small app; expected/ holds its manifests and findings. */
async function run() {
  const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(DIR, 'cutover.config.json') })));
  const findings = runChecks(a);
  if (process.env.UPDATE_FIXTURES) {
    await writeManifests(a);
    fs.writeFileSync(path.join(DIR, 'expected/check.json'), `${JSON.stringify(findings, null, 2)}\n`);
  }
  return { a, findings: JSON.parse(JSON.stringify(findings)) as Finding[] };
}

describe('a small app across Rust, sidecar and frontend', () => {
  it('extracts exactly the expected manifests (a Tauri command forwarding under another name, a Rust-only command, a re-emitted event)', async () => {
    const { a } = await run();
    expect(runDrift(a, readCommitted(a.options.out), new Set()).findings).toEqual([]);
    const list = a.manifests.commands.commands.find((c) => c.name === 'notes_list');
    expect(list?.tauriNames).toEqual(['list_notes']);
    expect(list?.consumers.find((r) => r.kind === 'invoke')).toMatchObject({ name: 'list_notes', keys: ['folderId'], file: 'src/app.ts', line: 5 });
    expect(a.manifests.commands.commands.find((c) => c.name === 'app_version')).toMatchObject({ result: { type: 'string' } });
    expect(a.manifests.events.events.find((e) => e.name === 'note:saved')).toMatchObject({ frontendNames: ['notes:note:saved'], payload: { required: ['id'] } });
  });

  it('finds exactly the expected problems', async () => {
    const { findings } = await run();
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual([
      'error forward-key-mismatch src-tauri/src/commands.rs:16',
      'error event-not-emitted src/app.ts:9',
      'warning unforwarded-handler src-sidecar/src/router.ts:23',
    ]);
    expect(findings).toEqual(JSON.parse(fs.readFileSync(path.join(DIR, 'expected/check.json'), 'utf8')));
  });
});
