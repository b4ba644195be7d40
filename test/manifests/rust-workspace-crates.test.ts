import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('several crates in one workspace', () => {
  it('resolve each within itself, and through another crate by its Cargo.toml name ([lib] name first)', async () => {
    const out = await extractFixture('rust-workspace-crates');
    // With more than one crate, paths start with the crate's name, so same-named modules stay apart.
    expect(factsOf(out, 'command-definition').map((d) => d.path)).toEqual([
      'demo_app::commands::ping',
      'extras_lib::commands::export',
      'shared_cmds::commands::ping',
      'shared_cmds::notes::list_notes',
      'shared_cmds::notes::delete_note',
    ]);
    expect(factsOf(out, 'command-registration').map((r) => [r.name, r.path, r.unresolved ?? null])).toEqual([
      ['ping', 'demo_app::commands::ping', null],
      ['list_notes', 'shared_cmds::notes::list_notes', null],
      ['delete_note', 'shared_cmds::notes::delete_note', null],
      ['export', 'extras_lib::commands::export', null],
    ]);
    // The shared crate's own `ping` is registered nowhere: the app's ping does not count for it.
    const facts = indexFacts(Object.values(out).flatMap((r) => r.facts));
    const found = RULES.filter((r) => ['command-not-registered', 'registered-not-defined'].includes(r.id)).flatMap((r) => r.check({ facts }));
    expect(found.map((f) => `${f.id} ${f.file}:${f.line}`)).toEqual(['command-not-registered crates/shared/src/lib.rs:6']);
    expect(out).toEqual(expectedOutput('rust-workspace-crates'));
  });
});
