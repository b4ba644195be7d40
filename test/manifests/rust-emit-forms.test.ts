import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('events emitted from Rust', () => {
  it('reads every emitting form, with names from literals and crate constants', async () => {
    const out = await extractFixture('rust-emit-forms');
    const emits = factsOf(out, 'emit');
    expect(emits.map((e) => [e.name, e.loc.line])).toEqual([
      ['app:started', 15],
      ['window:focused', 16],
      ['main:only', 17],
      ['settings:open', 18],
      ['filtered', 19],
      ['ufcs:plain', 20],
      ['ufcs:to', 21],
      ['session:created', 22],
      ['session:deleted', 23],
      ['clock:tick', 24],
      ['progress', 27],
      ['legacy:broadcast', 34],
    ]);
    expect(emits.every((e) => e.side === 'rust')).toBe(true);
    // Payloads: a struct literal and a typed local read through serde; a json! object by its keys.
    const progress = { title: 'Progress', type: 'object', required: ['percent', 'sessionId'] };
    expect(emits.find((e) => e.name === 'session:created')?.payload).toMatchObject(progress);
    expect(emits.find((e) => e.name === 'progress')?.payload).toMatchObject(progress);
    expect(emits.find((e) => e.name === 'window:focused')?.payload).toEqual({ type: 'object', properties: { label: {} }, required: ['label'] });
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedOutput('rust-emit-forms'));
  });
});
