import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('internally tagged enums', () => {
  it('puts the tag beside the fields, including a newtype variant around a struct', async () => {
    const out = await extractFixture('rust-enum-internal');
    const result = command(out, 'last_event').result!;
    // Option<RunEvent>: the enum or null.
    expect(result.anyOf).toHaveLength(2);
    const runEvent = (result.anyOf as Array<Record<string, unknown>>)[0]!;
    expect(runEvent.oneOf).toEqual([
      expect.objectContaining({ properties: { ERROR_CODE: expect.any(Object), type: { const: 'failed' } }, required: ['ERROR_CODE', 'type'] }),
      expect.objectContaining({ title: 'Summary', properties: { totalMs: expect.any(Object), type: { const: 'finished' } }, required: ['totalMs', 'type'] }),
      expect.objectContaining({ properties: { percentDone: expect.any(Object), type: { const: 'progress' } } }),
      { type: 'object', properties: { type: { const: 'started' } }, required: ['type'] },
    ]);
    expect(out).toEqual(expectedOutput('rust-enum-internal'));
  });
});
