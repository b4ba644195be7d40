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
  private tail = '';

  constructor(private readonly max: number) {}

  get buffered(): number {
    return this.tail.length;
  }

  push(chunk: Buffer): string[] {
    const text = this.tail + this.utf8.write(chunk);
    const out: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if (nl - start > this.max) throw new FrameTooLargeError(this.max, nl - start);
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > start) {
        const line = text.slice(start, end);
        if (line.trim() !== '') out.push(line);
      }
      start = nl + 1;
    }
    this.tail = start === 0 ? text : text.slice(start);
    if (this.tail.length > this.max) {
      const seen = this.tail.length;
      this.tail = '';
      throw new FrameTooLargeError(this.max, seen);
    }
    return out;
  }
}
