import { ndjson } from '../framing/ndjson.js';
import { isObject, type Profile } from './profile.js';

/**
 * A control plane like Orchestra's: `{"cmd":"status", …args}` → `{"ok":true,"data":…}` or
 * `{"ok":false,"error":"…"}`. There is no id, so requests go one at a time and each answer
 * belongs to the oldest open request; there are no events.
 */
export const controlSocket: Profile = {
  name: 'control-socket',
  description: 'Newline JSON control socket: {"cmd": …} → {"ok": true, "data": …} | {"ok": false, "error": …}; no ids, no events',
  framing: ndjson,
  correlation: 'order',
  request: ({ command, params }) => ({ cmd: command, ...(params ?? {}) }),
  parseRequest(msg) {
    if (typeof msg.cmd !== 'string') return undefined;
    const { cmd, authToken: _token, ...params } = msg;
    return { command: cmd, ...(Object.keys(params).length ? { params } : {}) };
  },
  classify(msg) {
    if (!isObject(msg)) return { kind: 'unknown', why: 'not a JSON object' };
    if (typeof msg.ok === 'boolean') return { kind: 'response', id: null, ok: msg.ok };
    return { kind: 'unknown', why: 'no boolean "ok"' };
  },
  paths: { result: 'data', error: 'error', params: '', eventData: '', eventSession: '', eventSeq: '' },
  transportOnly: { request: ['authToken'], response: [], event: [] },
};
