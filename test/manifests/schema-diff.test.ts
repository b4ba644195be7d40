import { describe, expect, it } from 'vitest';
import { diffSchema, isSubset } from '../../manifests/src/drift/schema-diff.js';

const S = { type: 'string' };
const N = { type: 'number' };
const obj = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });

describe('schema subset (what a change narrows or widens)', () => {
  it('types, enums, integer within number, anyOf on either side', () => {
    expect(isSubset({ type: 'integer' }, N)).toBe(true);
    expect(isSubset(N, { type: 'integer' })).toBe(false);
    expect(isSubset({ type: 'string', enum: ['a'] }, S)).toBe(true);
    expect(isSubset(S, { type: 'string', enum: ['a'] })).toBe(false);
    expect(isSubset(S, { anyOf: [S, { type: 'null' }] })).toBe(true);
    expect(isSubset({ anyOf: [S, { type: 'null' }] }, S)).toBe(false);
    expect(isSubset(S, {})).toBe(true);
    expect(isSubset({}, S)).toBe(false);
  });

  it('objects: required keys, property types, closed objects', () => {
    expect(isSubset(obj({ a: S }, ['a']), obj({ a: S }))).toBe(true);
    expect(isSubset(obj({ a: S }), obj({ a: S }, ['a']))).toBe(false);
    expect(isSubset(obj({ a: { type: 'integer' } }), obj({ a: N }))).toBe(true);
    expect(isSubset({ type: 'object' }, { type: 'object', additionalProperties: false })).toBe(false);
  });
});

describe('schema diff by direction', () => {
  it('input: a new required field breaks, a field made optional does not', () => {
    expect(diffSchema(obj({ a: S }, ['a']), obj({ a: S, b: N }, ['a', 'b']), 'input', 'params').map((c) => c.class)).toEqual(['breaking']);
    expect(diffSchema(obj({ a: S }, ['a']), obj({ a: S }), 'input', 'params').map((c) => c.class)).toEqual(['additive']);
  });

  it('output: a new required field is additive, a field made optional breaks', () => {
    expect(diffSchema(obj({ a: S }, ['a']), obj({ a: S, b: N }, ['a', 'b']), 'output', 'result').map((c) => c.class)).toEqual(['additive']);
    expect(diffSchema(obj({ a: S }, ['a']), obj({ a: S }), 'output', 'result').map((c) => c.class)).toEqual(['breaking']);
  });

  it('a removed field breaks either way; array items are compared inside', () => {
    expect(diffSchema(obj({ a: S, b: N }), obj({ a: S }), 'input', 'params')[0]).toMatchObject({ class: 'breaking', path: 'params.b' });
    expect(diffSchema({ type: 'array', items: S }, { type: 'array', items: N }, 'output', 'result')[0]).toMatchObject({ class: 'breaking', path: 'result[]' });
  });

  it('reordering is no change at all', () => {
    expect(diffSchema(obj({ a: S, b: N }, ['a', 'b']), { required: ['b', 'a'], properties: { b: N, a: S }, type: 'object' }, 'input', 'params')).toEqual([]);
  });
});
