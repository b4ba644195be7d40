import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('bare #[command] against clap’s #[command(…)]', () => {
  it('is a Tauri command only where `command` is tauri’s (imported, or through the crate’s own glob re-export)', async () => {
    const out = await extractFixture('rust-clap-command');
    expect(factsOf(out, 'command-definition').map((d) => [d.name, d.params.map((p) => p.key)])).toEqual([
      ['bare_tauri', ['label']],
      ['via_prelude', []],
    ]);
    expect(factsOf(out, 'command-registration').map((r) => [r.path, r.unresolved ?? null])).toEqual([
      ['commands::bare_tauri', null],
      ['more::via_prelude', null],
    ]);
    expect(out).toEqual(expectedOutput('rust-clap-command'));
  });
});
