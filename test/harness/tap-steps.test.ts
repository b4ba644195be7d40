import { describe, expect, it } from 'vitest';
import { coworkNdjson } from '../../harness/src/profiles/cowork-ndjson.js';
import { replayable } from '../../harness/src/tap/steps.js';
import type { BodyLine } from '../../harness/src/trace/types.js';

const req = (id: string, command: string, params?: Record<string, unknown>): BodyLine => ({ type: 'request', conn: 'main', id, command, ...(params ? { params } : {}) }) as BodyLine;
const res = (id: string, result: unknown): BodyLine => ({ type: 'response', conn: 'main', message: { id, success: true, result } }) as BodyLine;
const ev = (type: string, data: Record<string, unknown> = {}): BodyLine => ({ type: 'event', conn: 'main', message: { type, sessionId: 's1', data } }) as BodyLine;

describe('tapped traffic made replayable', () => {
  it('a secret an answer hands out and the app sends back is a reference, so the trace needs no value it cannot keep', () => {
    const tapped = [req('1', 'login', { user: 'ada' }), res('1', { token: 'b3BlbiBzZXNhbWU' }), req('2', 'whoami', { auth: 'b3BlbiBzZXNhbWU' })];
    const second = replayable(tapped, coworkNdjson, []).filter((l) => l.type === 'request')[1] as BodyLine & { template?: unknown };
    expect(second.template).toEqual({ auth: '{{r1.result.token}}' });
  });

  it('waits count events from the connection start: an event heard after a later request may come before it on replay', () => {
    // As tapped: the turn's session:updated reached the app only after it had sent get_session.
    const tapped = [
      req('1', 'agent_send_message', { sessionId: 's1', content: 'hi' }),
      res('1', { ok: true }),
      ev('stream:done'),
      req('2', 'agent_get_session', { sessionId: 's1' }),
      ev('session:updated'),
      res('2', { id: 's1' }),
      req('3', 'agent_delete_session', { sessionId: 's1' }),
      ev('session:updated', { deleted: true }),
      res('3', { deleted: true }),
      req('4', 'agent_list_sessions'),
    ];
    const waits = replayable(tapped, coworkNdjson, []).filter((l) => l.type === 'control');
    expect(waits).toEqual([
      { type: 'control', op: 'wait', conn: 'main', event: 'stream:done', since: 'connect' },
      { type: 'control', op: 'wait', conn: 'main', event: 'session:updated', since: 'connect' },
      // The second session:updated of the connection, however early the first one came.
      { type: 'control', op: 'wait', conn: 'main', event: 'session:updated', count: 2, since: 'connect' },
    ]);
  });

  it('an event whose value a later request sends back is bound by its number on the connection', () => {
    const tapped = [
      req('1', 'agent_send_message', { sessionId: 's1', content: 'ask' }),
      ev('permission:request', { permissionId: 'perm_0123456789' }),
      res('1', { ok: true }),
      req('2', 'agent_send_message', { sessionId: 's1', content: 'ask again' }),
      ev('permission:request', { permissionId: 'perm_abcdefghij' }),
      res('2', { ok: true }),
      req('3', 'agent_respond_permission', { sessionId: 's1', permissionId: 'perm_abcdefghij', decision: 'allow' }),
    ];
    const out = replayable(tapped, coworkNdjson, []);
    expect(out.filter((l) => l.type === 'control')).toContainEqual({ type: 'control', op: 'wait', conn: 'main', event: 'permission:request', count: 2, since: 'connect', as: 'e1' });
    expect(out.find((l) => l.type === 'request' && l.id === '3')).toMatchObject({ template: { permissionId: '{{e1.data.permissionId}}' } });
  });
});
