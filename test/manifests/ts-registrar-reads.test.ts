import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf } from './ts-fixture.js';

describe('sidecar handlers: the params keys each one reads', () => {
  it('reads destructuring, property and element access, aliases, fallbacks, local helpers and named functions; an escaping object is "cannot tell"', async () => {
    const out = await extractTsFixture('ts-registrar-reads');
    const reads = Object.fromEntries(factsOf(out, 'handler').map((h) => [h.name, h.reads?.map((k) => `${k.key}${k.required ? '' : '?'}`)]));
    expect(reads).toEqual({
      destructured: ['limit?', 'sessionId'],
      accessed: ['content', 'mode', 'retries?', 'sessionId'],
      helper: ['sessionId'],
      body: ['answer', 'questionId'],
      escapes: undefined,
      named: ['input?', 'workflowId'],
    });
    expect(out).toEqual(expectedTs('ts-registrar-reads'));
  });

  it('takes required-ness and schemas from the declared type when there is one, and builds params from the reads when the type says nothing', async () => {
    const h = Object.fromEntries(factsOf(await extractTsFixture('ts-registrar-reads'), 'handler').map((f) => [f.name, f]));
    expect(h.accessed?.params).toEqual({ type: 'object', properties: { content: {}, mode: {}, retries: {}, sessionId: {} }, required: ['content', 'mode', 'sessionId'] });
    expect(h.named?.params).toEqual({ type: 'object', properties: { workflowId: { type: 'string' }, input: { type: 'string' } }, required: ['workflowId'] });
    expect(h.escapes?.params).toBeUndefined();
  });
});
