import { ndjson } from '../framing/ndjson.js';
import { isObject, type Profile } from './profile.js';

/**
 * The seeds' protocol: `{id, command, params}` → `{id, success, result|error}`, events
 * `{type, sessionId, data}` (the daemon adds `seq` and `timestamp`), a `ready` event first.
 */
export const coworkNdjson: Profile = {
  name: 'cowork-ndjson',
  description: 'Newline JSON: {id, command, params} → {id, success, result|error}; events {type, sessionId, data[, seq, timestamp]}',
  framing: ndjson,
  correlation: 'id',
  request: ({ id, command, params }) => ({ id, command, ...(params === undefined ? {} : { params }) }),
  parseRequest(msg) {
    if (typeof msg.command !== 'string') return undefined;
    const id = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : undefined;
    return { ...(id === undefined ? {} : { id }), command: msg.command, ...(isObject(msg.params) ? { params: msg.params } : {}) };
  },
  classify(msg) {
    if (!isObject(msg)) return { kind: 'unknown', why: 'not a JSON object' };
    if (typeof msg.success === 'boolean' && 'id' in msg) {
      const id = typeof msg.id === 'string' || typeof msg.id === 'number' ? msg.id : null;
      return { kind: 'response', id, ok: msg.success };
    }
    if (msg.type === 'ready') return { kind: 'ready' };
    if (typeof msg.type === 'string') return { kind: 'event', type: msg.type };
    return { kind: 'unknown', why: 'neither a response ({id, success}) nor an event ({type})' };
  },
  paths: { result: 'result', error: 'error', params: 'params', eventData: 'data', eventSession: 'sessionId', eventSeq: 'seq' },
  transportOnly: { request: ['authToken'], response: [], event: ['seq', 'timestamp'] },
};
