import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../manifests/src/model.js';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('std containers, newtypes, generics and aliases', () => {
  it('maps each Rust shape to the JSON serde writes', async () => {
    const out = await extractFixture('rust-serde-containers');
    const page = command(out, 'list_shapes').result!;
    expect(page).toMatchObject({ title: 'Page', required: ['items'] });
    const shapes = ((page.properties as Record<string, JsonSchema>).items!.items as JsonSchema).properties as Record<string, JsonSchema>;
    expect(shapes.unique).toEqual({ type: 'array', items: { type: 'string' }, uniqueItems: true });
    expect(shapes.by_name).toEqual({ type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 4294967295 } });
    expect(shapes.any).toEqual({});
    expect(shapes.pair).toMatchObject({ type: 'array', items: [{ type: 'string' }, { type: 'integer' }], minItems: 2, maxItems: 2 });
    expect(shapes.rgba).toMatchObject({ minItems: 4, maxItems: 4 });
    expect(shapes.id).toEqual({ title: 'SessionId', type: 'string' });
    expect(shapes.at).toMatchObject({ title: 'Point', type: 'array', minItems: 2 });
    expect(shapes.none).toEqual({ title: 'Nothing', type: 'null' });
    expect(shapes.distance).toEqual({ title: 'Meters', type: 'number' });
    expect(shapes.maybe_list).toEqual({ type: ['array', 'null'], items: { type: ['string', 'null'] } });
    expect(out).toEqual(expectedOutput('rust-serde-containers'));
  });

  it('unwraps Result through a type alias and honours deny_unknown_fields and container default', async () => {
    const out = await extractFixture('rust-serde-containers');
    expect(command(out, 'unit_result').result).toEqual({ type: 'null' });
    const filter = command(out, 'list_shapes').params[0]!.schema!;
    expect(filter.additionalProperties).toBe(false);
    expect(filter.required).toBeUndefined();
  });
});
