import { describe, expect, it } from 'vitest';
import { rustFiles } from '../../manifests/src/rust/cache.js';
import { fixtureContext } from './rust-fixture.js';

describe('the parsed-file cache shared by the Rust extractors', () => {
  it('parses and indexes a file once per content, across extractors and runs', async () => {
    const ctx = fixtureContext('rust-plain-command');
    const first = await rustFiles(ctx);
    expect(await rustFiles(ctx)).toBe(first);
    expect(first[0]!.index).toBeDefined();

    // A new run over the same content reuses the tree and index.
    const again = await rustFiles(fixtureContext('rust-plain-command'));
    expect(again[0]!.index).toBe(first[0]!.index);

    // Changed content is parsed afresh.
    const base = fixtureContext('rust-plain-command');
    const changed = await rustFiles({ ...base, files: base.files.map((f) => ({ ...f, text: `${f.text}\n#[tauri::command]\nfn added() {}\n` })) });
    expect(changed[0]!.index).not.toBe(first[0]!.index);
    expect(changed[0]!.index!.functions.map((f) => f.name)).toContain('added');
  });
});
