import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../core/src/redact.js';

describe('redaction', () => {
  it('redacts secret keys at any depth and known secret values wherever they appear', () => {
    const r = createRedactor({ keys: ['/^x-api-/'], values: ['f00dcafe1234'] });
    const out = r.value({
      id: '1',
      authToken: 'abc',
      params: { nested: [{ password: 'p', note: 'token is f00dcafe1234 here' }], 'x-api-key': 'k' },
      empty: { token: '' },
    });
    expect(out).toEqual({
      id: '1',
      authToken: REDACTED,
      params: { nested: [{ password: REDACTED, note: `token is ${REDACTED} here` }], 'x-api-key': REDACTED },
      empty: { token: '' },
    });
  });

  it('catches well-known token shapes under innocent keys, and secrets learnt at run time', () => {
    const r = createRedactor();
    r.addSecret('0123456789abcdef0123');
    const text = r.text('sent Bearer abcdefghijklmnopqrstuvwx\ngh token ghp_' + 'a'.repeat(36) + ' and 0123456789abcdef0123');
    expect(text).toBe(`sent Bearer ${REDACTED}\ngh token ${REDACTED} and ${REDACTED}`);
  });

  it('leaves ordinary data alone', () => {
    const r = createRedactor();
    const data = { command: 'agent_list_sessions', params: { sessionId: 's-1', count: 3 } };
    expect(r.value(data)).toEqual(data);
  });
});
