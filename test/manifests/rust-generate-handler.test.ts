import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('generate_handler! registrations', () => {
  it('lists every path of every handler macro, resolved to crate paths', async () => {
    const out = await extractFixture('rust-generate-handler');
    expect(factsOf(out, 'command-registration').map((r) => [r.name, r.path, `${r.loc.file}:${r.loc.line}`])).toEqual([
      ['send_message', 'commands::agent::send_message', 'src/commands/mod.rs:9'],
      ['local_only', 'local_only', 'src/commands/mod.rs:9'],
      ['send_message', 'commands::agent::send_message', 'src/lib.rs:9'],
      ['stop', 'commands::agent::stop', 'src/lib.rs:10'],
      ['open_file', 'commands::files::open_file', 'src/lib.rs:11'],
      ['ping', 'commands::misc::ping', 'src/lib.rs:12'],
      ['reset', 'commands::dev::reset', 'src/lib.rs:14'],
      ['save_file', 'commands::files::save_file', 'src/lib.rs:20'],
      ['local_only', 'local_only', 'src/lib.rs:20'],
    ]);
    expect(factsOf(out, 'unresolved')).toEqual([]);
    // Every entry was followed to its function: none is kept by name only.
    expect(factsOf(out, 'command-registration').filter((r) => r.unresolved !== undefined)).toEqual([]);
    expect(out).toEqual(expectedOutput('rust-generate-handler'));
  });
});
