import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('a plain sync #[tauri::command]', () => {
  it('extracts name, module path, location, params and result', async () => {
    const out = await extractFixture('rust-plain-command');
    expect(factsOf(out, 'command-definition').map((c) => c.name)).toEqual(['greet', 'ping']);
    const greet = command(out, 'greet');
    expect(greet).toMatchObject({ path: 'commands::greet::greet', loc: { file: 'src/commands/greet.rs', line: 3 }, async: false });
    expect(greet.params.map((p) => [p.key, p.typeText])).toEqual([
      ['name', 'String'],
      ['times', 'u32'],
      ['shout', 'bool'],
      ['ratio', 'f64'],
      ['initial', 'char'],
    ]);
    expect(greet.params[1]!.schema).toEqual({ type: 'integer', minimum: 0, maximum: 4294967295 });
    expect(greet.result).toEqual({ type: 'string' });
    // No return type is `()`, which serde writes as null.
    expect(command(out, 'ping').result).toEqual({ type: 'null' });
    expect(out).toEqual(expectedOutput('rust-plain-command'));
  });
});
