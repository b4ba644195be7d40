import { FrameTooLargeError, type FrameDecoder, type Framing } from './framing.js';

/** LSP-style framing: `Content-Length: N\r\n` (other headers allowed), a blank line, then N bytes of UTF-8. */
export const contentLength: Framing = {
  name: 'content-length',
  createDecoder: (max) => new ContentLengthDecoder(max),
  encode: (text) => `Content-Length: ${Buffer.byteLength(text, 'utf8')}\r\n\r\n${text}`,
};

const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 8 * 1024;

export class FramingError extends Error {}

class ContentLengthDecoder implements FrameDecoder {
  private buf: Buffer = Buffer.alloc(0);
  private bodyLength = -1;

  constructor(private readonly max: number) {}

  get buffered(): number {
    return this.buf.length;
  }

  push(chunk: Buffer): string[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: string[] = [];
    for (;;) {
      if (this.bodyLength < 0) {
        const end = this.buf.indexOf(HEADER_END);
        if (end === -1) {
          if (this.buf.length > MAX_HEADER_BYTES) throw new FramingError(`no Content-Length header block within ${MAX_HEADER_BYTES} bytes`);
          return out;
        }
        this.bodyLength = parseHeaders(this.buf.subarray(0, end).toString('ascii'));
        if (this.bodyLength > this.max) throw new FrameTooLargeError(this.max, this.bodyLength);
        this.buf = this.buf.subarray(end + HEADER_END.length);
      }
      if (this.buf.length < this.bodyLength) return out;
      out.push(this.buf.subarray(0, this.bodyLength).toString('utf8'));
      this.buf = this.buf.subarray(this.bodyLength);
      this.bodyLength = -1;
    }
  }
}

function parseHeaders(block: string): number {
  for (const line of block.split('\r\n')) {
    const m = /^content-length:\s*(\d+)\s*$/i.exec(line);
    if (m) return Number(m[1]);
  }
  throw new FramingError(`header block without Content-Length: ${JSON.stringify(block.slice(0, 120))}`);
}
