import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('#[command] imported from tauri', () => {
  it('accepts `use tauri::command`, `use tauri::{command, …}` and an alias, and nothing else', async () => {
    const out = await extractFixture('rust-command-via-use');
    const names = factsOf(out, 'command-definition').map((c) => c.name);
    expect(names).toEqual(['via_alias', 'via_use', 'via_use_snake', 'via_use_list']);
    expect(names).not.toContain('not_tauri');
    expect(names).not.toContain('also_not_tauri');
    expect(factsOf(out, 'command-definition').find((c) => c.name === 'via_use_snake')?.params[0]?.key).toBe('some_value');
    expect(out).toEqual(expectedOutput('rust-command-via-use'));
  });
});
