import { contentLength } from '../framing/content-length.js';
import { jsonRpcProfile } from '../envelope/jsonrpc.js';

export const jsonRpcContentLength = jsonRpcProfile(
  'jsonrpc-content-length',
  contentLength,
  'JSON-RPC 2.0 with Content-Length headers (as language servers speak it)',
);
