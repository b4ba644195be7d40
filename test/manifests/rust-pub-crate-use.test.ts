import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('restricted re-exports (pub(crate) use, pub(super) use)', () => {
  it('are followed like any other import', async () => {
    const out = await extractFixture('rust-pub-crate-use');
    expect(factsOf(out, 'command-registration').map((r) => [r.name, r.path, r.unresolved ?? null])).toEqual([
      ['export_all', 'commands::io::export_all', null],
      ['import_file', 'commands::io::import_file', null],
      ['status', 'commands::status::status', null],
    ]);
    expect(factsOf(out, 'command-definition').map((d) => d.path)).toEqual(['commands::io::export_all', 'commands::io::import_file', 'commands::status::status']);
    expect(out).toEqual(expectedOutput('rust-pub-crate-use'));
  });
});
