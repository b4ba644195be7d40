import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('modules renamed by use … as', () => {
  it('resolve registrations through the alias (pub use a::b as c, use a::b as c, pub use self::v1 as current)', async () => {
    const out = await extractFixture('rust-use-as');
    expect(factsOf(out, 'command-registration').map((r) => [r.name, r.path, r.unresolved ?? null])).toEqual([
      ['list_items', 'api::v2::list_items', null],
      ['collect', 'handlers::stats::collect', null],
      ['ping', 'api::v1::ping', null],
    ]);
    // Two commands share the name list_items; the alias picks v2's, so v1's is the one left unregistered.
    const defs = factsOf(out, 'command-definition').filter((d) => d.name === 'list_items');
    expect(defs.map((d) => d.path)).toEqual(['api::v1::list_items', 'api::v2::list_items']);
    expect(out).toEqual(expectedOutput('rust-use-as'));
  });
});
