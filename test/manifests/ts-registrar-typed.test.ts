import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe("sidecar registerHandler: schemas from the handler's types", () => {
  it('finds each registration, not the registrar itself', async () => {
    const out = await extractTsFixture('ts-registrar-typed');
    expect(names(out, 'handler')).toEqual(['create@13', 'list@14', 'mode@15', 'tree@16', 'nothing@17']);
    expect(out).toEqual(expectedTs('ts-registrar-typed'));
  });

  it('writes JSON Schema for params and (awaited) results: optional and undefined, null unions, Date, records, tuples, enums, literal types, recursion', async () => {
    const h = Object.fromEntries(factsOf(await extractTsFixture('ts-registrar-typed'), 'handler').map((f) => [f.name, f]));
    expect(h.create?.params).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        mode: { type: 'string', enum: ['user', 'system'] },
        count: { type: 'number' },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 2, maxItems: 2 },
      },
      required: ['mode', 'pair'],
    });
    expect(h.create?.result).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        title: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        createdAt: { type: 'string', format: 'date-time' },
        parentId: { anyOf: [{ type: 'null' }, { type: 'string' }] },
        note: { type: 'string' },
        meta: { type: 'object', additionalProperties: { type: 'number' } },
      },
      required: ['id', 'title', 'tags', 'createdAt', 'parentId', 'meta'],
    });
    expect(h.create?.reads).toEqual([
      { key: 'mode', required: true, schema: { type: 'string', enum: ['user', 'system'] }, typeText: 'Mode' },
      { key: 'title', required: false, schema: { type: 'string' }, typeText: 'string | undefined' },
    ]);
    expect(h.list?.params).toEqual({ type: 'object', additionalProperties: false });
    expect(h.list?.reads).toEqual([]);
    expect(h.mode?.params).toMatchObject({ properties: { priority: { type: 'string', enum: ['low', 'high'] } }, required: ['mode'] });
    expect(h.mode?.result).toEqual({ type: 'object', properties: { mode: { type: 'string', enum: ['user', 'system'] }, ok: { type: 'boolean', enum: [true] } }, required: ['mode', 'ok'] });
    expect(h.tree?.params).toBeUndefined();
    expect(h.tree?.result).toMatchObject({ properties: { children: { type: 'array', items: { description: 'recursive reference to Node' } } } });
    expect(h.nothing?.result).toBeUndefined();
  });
});
