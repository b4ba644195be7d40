import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('re-emission of sidecar events under a prefix', () => {
  it('recognizes format!, inline format args, string concatenation and a let-bound name', async () => {
    const out = await extractFixture('rust-reemit-prefix');
    expect(factsOf(out, 'reemit').map((r) => [r.prefix, r.loc.line])).toEqual([
      ['agent:', 10],
      ['agent:', 12],
      ['agent:', 13],
      ['bridge:', 15],
    ]);
    expect(factsOf(out, 'unresolved').map((u) => [u.role, u.expression])).toEqual([
      ['emit', 'event.event_type'],
      ['emit', 'format!("{}:done", event.event_type)'],
      ['emit', 'name_for(&event)'],
    ]);
    expect(out).toEqual(expectedOutput('rust-reemit-prefix'));
  });
});
