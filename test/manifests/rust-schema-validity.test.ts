import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../core/src/config/validate.js';
import type { JsonSchema } from '../../manifests/src/model.js';
import { WIDE_INTEGER } from '../../manifests/src/rust/schema-builtins.js';
import { command, extractFixture, FIXTURES } from './rust-fixture.js';

function ajv() {
  const a = createAjv();
  a.addKeyword({ keyword: WIDE_INTEGER, schemaType: 'boolean' });
  return a;
}

function schemasOf(out: Awaited<ReturnType<typeof extractFixture>>): JsonSchema[] {
  const all: JsonSchema[] = [];
  for (const r of Object.values(out)) {
    for (const f of r.facts) {
      if (f.kind === 'command-definition') {
        for (const p of f.params) if (p.schema) all.push(p.schema);
        if (f.result) all.push(f.result);
      }
      if (f.kind === 'emit' && f.payload) all.push(f.payload);
    }
  }
  return all;
}

describe('schemas from Rust types', () => {
  it('all compile under cutover’s strict Ajv (draft-07)', async () => {
    const a = ajv();
    let count = 0;
    for (const name of fs.readdirSync(FIXTURES).filter((d) => d.startsWith('rust-'))) {
      for (const schema of schemasOf(await extractFixture(name))) {
        expect(() => a.compile(schema), `${name}: ${JSON.stringify(schema).slice(0, 200)}`).not.toThrow();
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it('accept what serde would write and reject what it would not', async () => {
    const a = ajv();
    const valid = (schema: JsonSchema | undefined, value: unknown): boolean => a.validate(schema ?? {}, value) as boolean;

    const external = await extractFixture('rust-enum-external');
    const shape = command(external, 'draw').params[0]!.schema;
    expect(valid(shape, 'Empty')).toBe(true);
    expect(valid(shape, { Circle: 1.5 })).toBe(true);
    expect(valid(shape, { tri: { a: 1 } })).toBe(true);
    expect(valid(shape, { Triangle: { a: 1 } })).toBe(false);
    expect(valid(shape, { Circle: 1, Empty: null })).toBe(false);
    expect(valid(shape, 'Internal')).toBe(false);

    const internal = await extractFixture('rust-enum-internal');
    const event = command(internal, 'last_event').result;
    expect(valid(event, { type: 'progress', percentDone: 40 })).toBe(true);
    expect(valid(event, { type: 'finished', totalMs: 5 })).toBe(true);
    expect(valid(event, null)).toBe(true);
    expect(valid(event, { type: 'progress', percentDone: 400 })).toBe(false);
    expect(valid(event, { type: 'Progress', percentDone: 40 })).toBe(false);

    const fields = await extractFixture('rust-serde-fields');
    const task = command(fields, 'save_task').params[0]!.schema;
    const minimal = { taskTitle: 't', owner: 'o', password: 'p', updated: 1, type: 'x', source: 's' };
    expect(valid(task, minimal)).toBe(true);
    expect(valid(task, { ...minimal, anything: [1] })).toBe(true);
    const { owner: _owner, ...withoutOwner } = minimal;
    expect(valid(task, withoutOwner)).toBe(false);
  });
});
