import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, names } from './ts-fixture.js';

describe('frontend listen and once', () => {
  it('resolves literals, template prefixes over an iterated array, Object.values with forEach, for-in keys and window listeners', async () => {
    const out = await extractTsFixture('ts-listen-forms');
    expect(names(out, 'listen')).toEqual([
      'agent:ready@9',
      'agent:error@10',
      'agent:stream:chunk@11',
      'agent:stream:done@11',
      'agent:stream:start@11',
      'agent:session:created@12',
      'agent:session:updated@12',
      'agent:session:created@13',
      'agent:session:updated@13',
      'tauri://close-requested@15',
      'agent:tool:start@16',
    ]);
    expect(out['ts-frontend-listen']?.facts.every((f) => f.kind === 'listen' && f.side === 'frontend')).toBe(true);
    expect(out).toEqual(expectedTs('ts-listen-forms'));
  });
});
