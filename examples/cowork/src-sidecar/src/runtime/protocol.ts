// Newline-delimited JSON framing shared by both transports. A bad line is answered,
// never fatal: one confused client must not take the sidecar down for the others.
import type { IpcRequest, IpcResponse, RequestId } from '../types.js';

export type Parsed = { ok: true; request: IpcRequest } | { ok: false; response: IpcResponse };

export function parseRequestLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return malformed(null, 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed(null, 'expected a JSON object');
  }
  const { id, command, params, authToken } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return malformed(null, 'missing "id"');
  // With a usable id we answer under it, so the caller's pending request resolves.
  if (typeof command !== 'string' || command === '') return malformed(id, 'missing "command"');
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    return malformed(id, '"params" must be an object');
  }
  const request: IpcRequest = { id, command };
  if (params !== undefined) request.params = params as Record<string, unknown>;
  if (typeof authToken === 'string') request.authToken = authToken;
  return { ok: true, request };
}

function malformed(id: RequestId | null, why: string): Parsed {
  return { ok: false, response: { id, success: false, error: `malformed request: ${why}` } };
}

export function encodeLine(message: unknown): string {
  return JSON.stringify(message) + '\n';
}

/**
 * Splits a text stream into lines, keeping the partial tail for the next chunk. A tail
 * longer than the limit is dropped and reported, so a client that never sends a
 * newline cannot grow our memory without bound.
 */
export class LineSplitter {
  private tail = '';

  constructor(private readonly maxLineLength: number) {}

  push(chunk: string): { lines: string[]; overflow: boolean } {
    const parts = (this.tail + chunk).split('\n');
    this.tail = parts.pop() ?? '';
    const overflow = this.tail.length > this.maxLineLength;
    if (overflow) this.tail = '';
    const lines = parts.map((p) => p.replace(/\r$/, '')).filter((p) => p.trim() !== '');
    return { lines, overflow };
  }
}

export const MAX_LINE_LENGTH = 1024 * 1024;

export function lineTooLong(): IpcResponse {
  return { id: null, success: false, error: `malformed request: line longer than ${MAX_LINE_LENGTH} characters` };
}
