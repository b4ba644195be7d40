import { StringDecoder } from 'node:string_decoder';
import { FrameTooLargeError, type FrameDecoder, type Framing } from './framing.js';

/** One JSON text per line (`\n`, optionally `\r\n`); blank lines are skipped. */
export const ndjson: Framing = {
  name: 'ndjson',
  createDecoder: (max) => new LineDecoder(max),
  encode: (text) => `${text}\n`,
};

class LineDecoder implements FrameDecoder {
  // StringDecoder keeps a multi-byte character split across chunks intact.
  private readonly utf8 = new StringDecoder('utf8');
  // The line not ended yet, in the pieces it arrived in: each byte is looked at once, so a long
  // line costs linear time however many chunks it comes in.
  private pending: string[] = [];
  private pendingSize = 0;

  constructor(private readonly max: number) {}

  get buffered(): number {
    return this.pendingSize;
  }

  push(chunk: Buffer): string[] {
    const text = this.utf8.write(chunk);
    const out: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const size = this.pendingSize + nl - start;
      if (size > this.max) this.tooLarge(size);
      let line = this.pending.length ? this.pending.join('') + text.slice(start, nl) : text.slice(start, nl);
      this.pending = [];
      this.pendingSize = 0;
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      if (line.trim() !== '') out.push(line);
      start = nl + 1;
    }
    if (start < text.length) {
      this.pending.push(start === 0 ? text : text.slice(start));
      this.pendingSize += text.length - start;
      if (this.pendingSize > this.max) this.tooLarge(this.pendingSize);
    }
    return out;
  }

  private tooLarge(seen: number): never {
    this.pending = [];
    this.pendingSize = 0;
    throw new FrameTooLargeError(this.max, seen);
  }
}
