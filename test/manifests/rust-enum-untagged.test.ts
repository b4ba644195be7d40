import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('untagged enums and untagged variants', () => {
  it('writes the content alone, in source order after any tagged variants', async () => {
    const out = await extractFixture('rust-enum-untagged');
    const [input, setting] = command(out, 'submit').params.map((p) => p.schema!);
    expect(input!.anyOf).toEqual([
      { type: 'number' },
      { type: 'string' },
      expect.objectContaining({ type: 'array', minItems: 2 }),
      { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      { type: 'null' },
    ]);
    expect(setting!.anyOf).toEqual([
      { type: 'string', enum: ['auto'] },
      expect.objectContaining({ properties: { fixed: expect.any(Object) }, required: ['fixed'] }),
      { type: 'string' },
    ]);
    expect(out).toEqual(expectedOutput('rust-enum-untagged'));
  });
});
