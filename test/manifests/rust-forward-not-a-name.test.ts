import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('a call named like the forward call whose first argument is no string', () => {
  it('is no forward (a tuple, a variant, a number, a parameter of a number type sent on a channel), while a string name still is, and a String parameter stays unresolved', async () => {
    const out = await extractFixture('rust-forward-not-a-name');
    expect(factsOf(out, 'forward').map((f) => [f.to, f.loc.line])).toEqual([['get_logs', 19]]);
    expect(factsOf(out, 'unresolved').map((u) => [u.expression, u.loc.line])).toEqual([['name', 32]]);
    expect(out).toEqual(expectedOutput('rust-forward-not-a-name'));
  });
});
