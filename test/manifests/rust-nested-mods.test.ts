import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('nested inline mod blocks', () => {
  it('give commands their full module path, and `mod x;` inside them loads the file rustc would', async () => {
    const out = await extractFixture('rust-nested-mods');
    const defs = factsOf(out, 'command-definition');
    expect(defs.map((d) => [d.path, d.loc.file, d.cfg ?? null])).toEqual([
      ['ipc::uwp::invoke_uwp', 'src/ipc/uwp.rs', 'windows'],
      ['ipc::open', 'src/lib.rs', null],
      ['ipc::service::control::restart', 'src/lib.rs', null],
      ['ipc::service::status', 'src/lib.rs', null],
      ['outer::inner::leaf::leaf_command', 'src/outer/inner/leaf.rs', null],
    ]);
    // Every registration reaches its definition's exact path.
    const paths = new Set(defs.map((d) => d.path));
    const regs = factsOf(out, 'command-registration');
    expect(regs).toHaveLength(5);
    for (const r of regs) expect(paths.has(r.path), r.path).toBe(true);
    expect(out).toEqual(expectedOutput('rust-nested-mods'));
  });
});
