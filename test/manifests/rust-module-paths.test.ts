import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('module paths', () => {
  it('come from the file under src/ (mod.rs, main.rs, bin/) plus inline modules', async () => {
    const out = await extractFixture('rust-module-paths');
    const paths = Object.fromEntries(factsOf(out, 'command-definition').map((c) => [c.name, c.path]));
    expect(paths).toEqual({
      root_command: 'root_command',
      bin_level: 'bin_level',
      commands_level: 'commands::commands_level',
      agent_level: 'commands::agent::agent_level',
      inner_level: 'commands::agent::inner::inner_level',
      deepest_level: 'commands::agent::inner::deeper::deepest_level',
      tools_level: 'commands::agent::tools::tools_level',
    });
    expect(out).toEqual(expectedOutput('rust-module-paths'));
  });
});
