import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf } from './ts-fixture.js';

describe('frontend: names that cannot be resolved statically', () => {
  it('reports each one with file:line and why, never drops it', async () => {
    const out = await extractTsFixture('ts-invoke-unresolved');
    const unresolved = factsOf(out, 'unresolved')
      .sort((a, b) => a.loc.line - b.loc.line)
      .map((u) => `${u.role}@${u.loc.line}: ${u.reason}`);
    expect(unresolved).toEqual([
      'invoke@8: `name` is a variable that can change (let/var), so its value is known only at run time',
      'invoke@9: `commandFor(kind)` is the result of a call, known only at run time',
      'invoke@10: `payload` is a parameter of dynamic(); no call passes it a known value',
      'invoke@11: `kind` is a parameter of dynamic(); no call passes it a known value (known prefix "agent_")',
      'listen@12: `kind` is a parameter of dynamic(); no call passes it a known value (known prefix "agent:")',
      'invoke@13: `globalThis` is not declared in the scanned sources',
    ]);
    expect(factsOf(out, 'invoke')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-invoke-unresolved'));
  });
});
