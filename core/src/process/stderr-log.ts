import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Redactor } from '../redact.js';

const HOLD_LIMIT = 4 * 1024 * 1024;

/**
 * A target's whole stderr in a file, redacted line by line (a token is never split across two
 * writes). Lines are held back until `release()`: before a target is ready, the secrets it will
 * print may not be known yet (its token file is read as soon as it exists, which can be a moment
 * after the line that prints it).
 */
export class StderrLog {
  private stream: fs.WriteStream | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private held: string[] | undefined = [];
  private heldSize = 0;

  constructor(
    private readonly file: string,
    private readonly redactor: Redactor,
  ) {}

  write(chunk: Buffer): void {
    const text = this.partial + this.decoder.write(chunk);
    const cut = text.lastIndexOf('\n') + 1;
    this.partial = text.slice(cut);
    if (!cut) return;
    const lines = text.slice(0, cut);
    if (this.held) {
      this.held.push(lines);
      this.heldSize += lines.length;
      // A target that floods stderr before it is ready: write the oldest lines after all.
      while (this.heldSize > HOLD_LIMIT) this.out(this.held.shift()!, true);
    } else this.out(lines);
  }

  release(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    for (const lines of held) this.out(lines);
  }

  async close(): Promise<void> {
    this.release();
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest) this.out(rest);
    const s = this.stream;
    if (s) await new Promise<void>((resolve) => s.end(resolve));
  }

  private out(lines: string, fromHeld = false): void {
    if (fromHeld) this.heldSize -= lines.length;
    if (!this.stream) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.stream = fs.createWriteStream(this.file);
      this.stream.on('error', () => undefined);
    }
    this.stream.write(this.redactor.text(lines));
  }
}
