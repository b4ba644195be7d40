import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('forwards that cannot be read statically', () => {
  it('reports a non-literal name as unresolved and leaves keys unknown for non-literal payloads', async () => {
    const out = await extractFixture('rust-forward-unresolved');
    expect(factsOf(out, 'unresolved').map((u) => [u.role, u.expression, u.loc.line])).toEqual([
      ['forward', 'command', 11],
      ['forward', 'format!("jobs_{}", kind)', 31],
    ]);
    expect(factsOf(out, 'forward').map((f) => [f.to, f.keys ?? null])).toEqual([
      ['bulk_add', null],
      ['set_value', null],
      ['store', null],
    ]);
    expect(out).toEqual(expectedOutput('rust-forward-unresolved'));
  });
});
