import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('sidecar event producers', () => {
  it('finds configured emitters (a dotted method, a helper function), not unrelated .emit calls', async () => {
    const out = await extractTsFixture('ts-emit-payloads');
    expect(names(out, 'emit')).toEqual(['stream:start@20', 'stream:chunk@21', 'stream:done@22', 'session:updated@26', 'error@31']);
    expect(factsOf(out, 'emit').every((e) => e.side === 'sidecar')).toBe(true);
    expect(out).toEqual(expectedTs('ts-emit-payloads'));
  });

  it("takes the payload schema from the last argument's type", async () => {
    const e = Object.fromEntries(factsOf(await extractTsFixture('ts-emit-payloads'), 'emit').map((f) => [f.name, f.payload]));
    expect(e['stream:chunk']).toEqual({ type: 'object', properties: { turnId: { type: 'string' }, index: { type: 'number' }, text: { type: 'string' } }, required: ['turnId', 'index', 'text'] });
    expect(e['stream:done']).toEqual({ type: 'object', properties: { turnId: { type: 'string' }, status: { type: 'string', enum: ['completed', 'stopped'] } }, required: ['turnId', 'status'] });
    expect(e.error).toEqual({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] });
  });

  it('reports a type known only at run time as unresolved', async () => {
    expect(factsOf(await extractTsFixture('ts-emit-payloads'), 'unresolved')).toEqual([
      { kind: 'unresolved', role: 'emit', expression: 'type', reason: '`type` is a parameter of dynamic(); no call passes it a known value', loc: { file: 'src/runner.ts', line: 35, column: 5 } },
    ]);
  });
});
