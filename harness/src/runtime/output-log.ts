import type { Redactor } from '../../../core/src/redact.js';

/**
 * Keeps the last bytes a target wrote to one of its streams, so an error can show them.
 * Bounded: a target that floods stderr costs at most `limit` bytes of memory.
 */
export class OutputLog {
  private chunks: string[] = [];
  private size = 0;

  constructor(
    private readonly redactor: Redactor,
    private readonly limit = 64 * 1024,
  ) {}

  append(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > this.limit && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
  }

  /** The last `lines` lines, secrets scrubbed; undefined when nothing was written. */
  tail(lines = 15): string | undefined {
    const text = this.chunks.join('').replace(/\s+$/, '');
    if (!text) return undefined;
    const all = text.split('\n');
    return this.redactor.text(all.slice(-lines).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join('\n'));
  }

  text(): string {
    return this.redactor.text(this.chunks.join(''));
  }
}
