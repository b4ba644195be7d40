import { describe, expect, it } from 'vitest';
import { checkApp, summary } from './app-fixture.js';

describe('handlers registered in a loop over a map of bound methods', () => {
  it('gives each name the params of its own entry (obj.method.bind(obj) is the method), never every entry merged', async () => {
    const { a } = await checkApp('ts-registrar-loop-bind');
    const params = Object.fromEntries(a.facts.handlers.map((h) => [h.name, h.params ?? null]));
    expect(params.create_session).toEqual({ type: 'object', properties: { title: { type: 'string' }, model: { type: 'string' } }, required: ['title'] });
    expect(params.archive_session).toEqual({ type: 'object', properties: { sessionId: { type: 'string' } }, required: ['sessionId'] });
    expect(params.archive).toEqual(params.archive_session);
    expect(params.rename_session).toEqual({ type: 'object', properties: { sessionId: { type: 'string' }, title: { type: 'string' } }, required: ['sessionId', 'title'] });
    expect(a.facts.handlers.find((h) => h.name === 'list_sessions')?.reads).toEqual([]);
  });

  it("an entry whose handler cannot be followed has unknown keys (reported with its forward), not the loop variable's merged type", async () => {
    const { a, findings } = await checkApp('ts-registrar-loop-bind');
    expect(a.facts.handlers.filter((h) => h.name.startsWith('made_')).map((h) => [h.name, h.reads ?? null, h.params ?? null])).toEqual([
      ['made_one', null, null],
      ['made_two', null, null],
    ]);
    expect(findings.map(summary)).toEqual([
      'error forward-key-mismatch src-tauri/src/main.rs:15',
      'warning unresolved-keys src-tauri/src/main.rs:35',
      'warning unresolved-keys src-tauri/src/main.rs:40',
    ]);
    expect(findings[1]!.message).toContain('the sidecar side (handler at src-sidecar/src/index.ts:45): it is registered in a loop');
  });
});
