import { describe, expect, it } from 'vitest';
import { rustFiles } from '../../manifests/src/rust/files.js';
import { fixtureContext } from './rust-fixture.js';

describe('the Rust files of a run', () => {
  it('are read once per run and shared by the extractors, and a new run reads afresh', async () => {
    const ctx = fixtureContext('rust-plain-command');
    const first = await rustFiles(ctx);
    expect(await rustFiles(ctx)).toBe(first);
    expect(first[0]!.data).toBeDefined();

    // Another run (another context) reads its own files: nothing of a run outlives it.
    const base = fixtureContext('rust-plain-command');
    const changed = await rustFiles({ ...base, files: base.files.map((f) => ({ ...f, text: `${f.text}\n#[tauri::command]\nfn added() {}\n` })) });
    expect(changed[0]!.data).not.toBe(first[0]!.data);
    expect(changed[0]!.data!.functions.map((f) => f.name)).toContain('added');
  });
});
