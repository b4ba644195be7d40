import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('code inside macro bodies', () => {
  it('is read where the grammar leaves raw tokens (tokio::select!, cfg_if!), at its true lines', async () => {
    const out = await extractFixture('rust-macro-bodies');
    expect(factsOf(out, 'reemit').map((r) => [r.prefix, r.loc.line])).toEqual([['agent:', 9]]);
    expect(factsOf(out, 'emit').map((e) => [e.name, e.loc.line, e.loc.column])).toEqual([['pump:tick', 13, 39]]);
    expect(factsOf(out, 'forward').map((f) => [f.to, f.keys, f.loc.line])).toEqual([['heartbeat', ['at'], 12]]);
    expect(factsOf(out, 'command-definition').map((c) => [c.name, c.loc.line])).toEqual([
      ['dock_badge', 22],
      ['tray_badge', 25],
    ]);
    // A string inside println! is data, not an emit.
    expect(factsOf(out, 'emit').some((e) => e.name === 'not:an:event')).toBe(false);
    expect(out).toEqual(expectedOutput('rust-macro-bodies'));
  });
});
