import { ndjson } from '../framing/ndjson.js';
import { jsonRpcProfile } from '../envelope/jsonrpc.js';

export const jsonRpcNdjson = jsonRpcProfile('jsonrpc-ndjson', ndjson, 'JSON-RPC 2.0, one message per line');
