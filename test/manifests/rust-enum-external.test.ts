import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('externally tagged enums (serde default)', () => {
  it('writes unit variants as strings and the others as single-key objects', async () => {
    const out = await extractFixture('rust-enum-external');
    const [shape, color] = command(out, 'draw').params.map((p) => p.schema!);
    expect(shape!.oneOf).toEqual([
      { type: 'string', enum: ['Empty'] },
      { type: 'object', properties: { Circle: { type: 'number' } }, required: ['Circle'], additionalProperties: false },
      expect.objectContaining({ properties: { Pair: expect.objectContaining({ type: 'array', minItems: 2 }) } }),
      expect.objectContaining({ properties: { Rect: expect.objectContaining({ required: ['height', 'width'] }) } }),
      expect.objectContaining({ properties: { tri: expect.objectContaining({ required: ['a'] }) } }),
    ]);
    // A unit-only enum is a string enum; skip_deserializing hides a variant from params only.
    expect(color).toEqual({ title: 'Color', type: 'string', enum: ['dark-red', 'light-green'] });
    expect(command(out, 'draw').result).toEqual({ title: 'Color', type: 'string', enum: ['dark-red', 'light-green', 'unknown'] });
    expect(out).toEqual(expectedOutput('rust-enum-external'));
  });
});
