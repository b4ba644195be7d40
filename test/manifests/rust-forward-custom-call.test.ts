import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('configured forwarding calls', () => {
  it('match a qualified path or a method name, and only those', async () => {
    const out = await extractFixture('rust-forward-custom-call');
    expect(factsOf(out, 'forward').map((f) => [f.from, f.to, f.keys])).toEqual([
      ['via_bridge', 'bridge_cmd', ['a']],
      ['via_method', 'daemon_cmd', ['b']],
    ]);
    expect(out).toEqual(expectedOutput('rust-forward-custom-call'));
  });
});
