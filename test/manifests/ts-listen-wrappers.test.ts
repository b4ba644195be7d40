import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('frontend listen: wrappers', () => {
  it('follows an options property into a hook, an array argument through a loop with a prefix, and a configured listen function', async () => {
    const out = await extractTsFixture('ts-listen-wrappers');
    expect(names(out, 'listen')).toEqual([
      'agent:stream:chunk@6',
      'agent:permission:request@7',
      'agent:question:ask@7',
      'agent:service_mode_changed@8',
    ]);
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-listen-wrappers'));
  });
});
