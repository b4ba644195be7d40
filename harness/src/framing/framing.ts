/**
 * Framing turns a byte stream into message texts and back. It knows nothing about the
 * envelope (that is the profile's job), only where one message ends and the next begins.
 * Every decoder caps the size of one frame: a target that never ends a line must fail
 * with a clear error, not grow memory until the machine swaps.
 */
export interface FrameDecoder {
  /** Feeds bytes; returns the complete frames they finish. Throws FrameTooLargeError past the cap. */
  push(chunk: Buffer): string[];
  /** Bytes held for a frame not yet complete. */
  readonly buffered: number;
}

export interface Framing {
  readonly name: string;
  createDecoder(maxFrameBytes: number): FrameDecoder;
  encode(text: string): string;
}

export class FrameTooLargeError extends Error {
  constructor(readonly limit: number, readonly seen: number) {
    super(`a single frame exceeded ${formatBytes(limit)} (${formatBytes(seen)} without an end)`);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  return `${n} bytes`;
}
