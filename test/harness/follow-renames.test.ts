import { describe, expect, it } from 'vitest';
import { followRenames } from '../../harness/src/run/follow-renames.js';

const golden = new Map<string, unknown>([['created', { id: '1', success: true, result: { id: 'a', title: 'T', n: 1 } }]]);

describe('followRenames: a reference follows a field the new path renamed, by the report\'s rename rule', () => {
  it('one key gone and one key new beside it: followed, and said', () => {
    const bindings = new Map<string, unknown>([['created', { id: '7', success: true, result: { sid: 'b', title: 'T', n: 1 } }]]);
    expect(followRenames({ sessionId: '{{created.result.id}}', text: 'x {{created.result.title}}' }, bindings, golden)).toEqual({
      template: { sessionId: '{{created.result.sid}}', text: 'x {{created.result.title}}' },
      renamed: ['{{created.result.id}} as {{created.result.sid}}'],
    });
  });

  it('not followed when it is not one rename: two keys new, a key also gone, no golden answer, or the new answer really lacks the parent', () => {
    const two = new Map<string, unknown>([['created', { result: { sid: 'b', other: 'c', title: 'T', n: 1 } }]]);
    const lost = new Map<string, unknown>([['created', { result: { sid: 'b', n: 1 } }]]);
    const none = new Map<string, unknown>([['created', { success: false, error: 'no' }]]);
    for (const b of [two, lost, none]) expect(followRenames({ s: '{{created.result.id}}' }, b, golden)).toBeUndefined();
    expect(followRenames({ s: '{{created.result.id}}' }, new Map([['created', { result: { sid: 'b', title: 'T', n: 1 } }]]), new Map())).toBeUndefined();
  });
});
