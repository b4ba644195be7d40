import type { Framing } from '../framing/framing.js';
import { isObject, type Profile } from '../profiles/profile.js';

/**
 * JSON-RPC 2.0 envelope, shared by the newline and the Content-Length profiles (they differ
 * only in framing). Notifications (no id) from the server are events named by `method`.
 */
export function jsonRpcProfile(name: string, framing: Framing, description: string): Profile {
  return {
    name,
    description,
    framing,
    correlation: 'id',
    request: ({ id, command, params }) => ({ jsonrpc: '2.0', id, method: command, ...(params === undefined ? {} : { params }) }),
    parseRequest(msg) {
      if (typeof msg.method !== 'string') return undefined;
      const id = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : undefined;
      return { ...(id === undefined ? {} : { id }), command: msg.method, ...(isObject(msg.params) ? { params: msg.params } : {}) };
    },
    classify(msg) {
      if (!isObject(msg)) return { kind: 'unknown', why: 'not a JSON object' };
      if (msg.jsonrpc !== '2.0') return { kind: 'unknown', why: 'missing "jsonrpc": "2.0"' };
      if ('result' in msg || 'error' in msg) {
        const id = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : null;
        return { kind: 'response', id, ok: !('error' in msg) };
      }
      if (typeof msg.method === 'string') return msg.method === 'ready' ? { kind: 'ready' } : { kind: 'event', type: msg.method };
      return { kind: 'unknown', why: 'neither a response (result|error) nor a notification (method)' };
    },
    paths: { result: 'result', error: 'error', params: 'params', eventData: 'params', eventSession: 'params.sessionId', eventSeq: 'params.seq' },
    transportOnly: { request: ['authToken'], response: [], event: ['params.seq', 'params.timestamp'] },
  };
}
