import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('adjacently tagged enums', () => {
  it('writes { tag, content }, with no content for unit variants', async () => {
    const out = await extractFixture('rust-enum-adjacent');
    const message = command(out, 'post').params[0]!.schema!;
    expect(message.oneOf).toEqual([
      expect.objectContaining({ properties: { c: expect.objectContaining({ type: 'array', minItems: 2 }), t: { const: 'Batch' } }, required: ['c', 't'] }),
      expect.objectContaining({ properties: { c: expect.objectContaining({ required: ['x', 'y'] }), t: { const: 'Move' } } }),
      { type: 'object', properties: { t: { const: 'Ping' } }, required: ['t'] },
      { type: 'object', properties: { c: { type: 'string' }, t: { const: 'Text' } }, required: ['c', 't'] },
    ]);
    expect(out).toEqual(expectedOutput('rust-enum-adjacent'));
  });
});
