import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../core/src/config/validate.js';
import { renderTypes } from '../../manifests/src/build/dts.js';
import { declaration, typeOf } from '../../manifests/src/build/schema-ts.js';
import { REPO_ROOT } from '../support/cli.js';

type Case = { schema: Record<string, unknown>; values: unknown[] };

/**
 * The subset the extractors write, each with values on both sides of the schema. Values use only
 * the keys a schema lists (the declarations close such objects on purpose) and no number whose
 * validity depends on being whole or within bounds, which no TypeScript type can say.
 */
const CASES: Case[] = [
  { schema: { type: 'string' }, values: ['a', 1, null] },
  { schema: { type: ['string', 'null'] }, values: ['a', null, 2] },
  { schema: { type: 'integer', minimum: 0 }, values: [3, 'x'] },
  { schema: { type: 'boolean' }, values: [true, 0] },
  { schema: { enum: ['idle', 'running'] }, values: ['idle', 'running', 'stopped'] },
  { schema: { const: true }, values: [true, false] },
  { schema: { type: 'array', items: { type: 'string' } }, values: [['a', 'b'], [], [1]] },
  { schema: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 2, maxItems: 2 }, values: [['a', 1], ['a'], [1, 'a'], ['a', 1, 2]] },
  {
    schema: { type: 'object', properties: { id: { type: 'string' }, limit: { type: 'integer' } }, required: ['id'] },
    values: [{ id: 'x' }, { id: 'x', limit: 2 }, { limit: 2 }, { id: 3 }],
  },
  { schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, values: [{ a: 'x' }, {}, { a: 1 }] },
  { schema: { type: 'object', additionalProperties: { type: 'number' } }, values: [{ a: 1, b: 2 }, {}, { a: 'x' }] },
  { schema: { type: 'object' }, values: [{ any: 'thing' }, {}, 'text'] },
  {
    schema: { anyOf: [{ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] }, { type: 'null' }] },
    values: [{ text: 'x' }, null, { text: 1 }, 'x'],
  },
  {
    schema: {
      oneOf: [
        { type: 'object', properties: { Ok: { type: 'number' } }, required: ['Ok'], additionalProperties: false },
        { type: 'object', properties: { Err: { type: 'string' } }, required: ['Err'], additionalProperties: false },
      ],
    },
    values: [{ Ok: 1 }, { Err: 'no' }, { Ok: 'x' }, {}],
  },
  {
    schema: { allOf: [{ type: 'object', properties: { kind: { const: 'a' } }, required: ['kind'] }, { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] }] },
    values: [{ kind: 'a', n: 1 }, { kind: 'b', n: 1 }, { kind: 'a' }],
  },
  {
    schema: { type: 'object', title: 'Session', properties: { 'created-at': { type: 'string', description: 'ISO time */ with a comment end' }, tags: { type: 'array', items: { type: ['string', 'null'] } } }, required: ['created-at'] },
    values: [{ 'created-at': 't', tags: ['a', null] }, { 'created-at': 't', tags: [1] }, { tags: [] }],
  },
  { schema: { title: 'Value', $comment: 'recursive type, not expanded again' }, values: [1, 'x', null, { a: [] }] },
];

function typeCheck(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-schema-ts-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const roots = Object.keys(files).filter((n) => n.endsWith('.ts')).map((n) => path.join(dir, n));
    const program = ts.createProgram(roots, { strict: true, noEmit: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('TypeScript types from the manifests schema subset', () => {
  it('accepts exactly the values the schema accepts (ajv decides; a rejected value must be a type error)', () => {
    const ajv = createAjv();
    const lines: string[] = [];
    let accepted = 0;
    let rejected = 0;
    CASES.forEach((c, i) => {
      lines.push(declaration(`T${i}`, c.schema));
      const validate = ajv.compile(c.schema);
      c.values.forEach((v, j) => {
        const ok = validate(v);
        if (ok) accepted++;
        else rejected++;
        if (!ok) lines.push(`// @ts-expect-error: ${JSON.stringify(v)} is not valid against case ${i}`);
        lines.push(`export const v${i}_${j}: T${i} = ${JSON.stringify(v)};`);
      });
    });
    expect(typeCheck({ 'cases.ts': `${lines.join('\n')}\n` })).toEqual([]);
    // Both sides are exercised: the check could not pass by accepting or rejecting everything.
    expect(accepted).toBeGreaterThan(15);
    expect(rejected).toBeGreaterThan(15);
  });

  it('writes what it cannot narrow as unknown, never narrower than the schema', () => {
    expect(typeOf(undefined)).toBe('unknown');
    expect(typeOf({ not: { type: 'string' } })).toBe('unknown');
    expect(typeOf({ type: 'string', format: 'date-time', minLength: 3 })).toBe('string');
    expect(typeOf({ type: 'array', items: [{ type: 'string' }], minItems: 1 })).toBe('[string, ...unknown[]]');
  });

  it("the bundled example's manifests give declarations that type-check and a frontend can use", async () => {
    const dir = path.join(REPO_ROOT, 'examples/cowork/manifests');
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as never;
    const text = await renderTypes({ commands: read('commands.json'), events: read('events.json') });
    const use = [
      "import type { Commands, FrontendEvents, TauriCommands } from './types';",
      "export const a: Commands['agent_get_session']['params'] = { sessionId: 's1' };",
      '// @ts-expect-error: sessionId is required',
      "export const b: Commands['agent_get_session']['params'] = {};",
      "export const c: TauriCommands['agent_create_session']['params'] = { options: { model: null, tags: ['x'] } };",
      "export type Chunk = FrontendEvents['agent:stream:chunk'];",
    ].join('\n');
    expect(typeCheck({ 'types.d.ts': text, 'use.ts': use })).toEqual([]);
  });
});
