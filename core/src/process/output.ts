import { StringDecoder } from 'node:string_decoder';
import { REDACTED } from '../redact/registry.js';
import { redactText } from '../redact/text.js';

/**
 * The last part of what a process wrote, bounded: a target that floods its output costs at most
 * `limit` characters of memory. Reading redacts first and cuts after, so a secret that straddles
 * the cut is never shown in part; when older output was let go, the partial line at the start of
 * what is held is dropped for the same reason.
 */
export class OutputTail {
  private chunks: string[] = [];
  private size = 0;
  private dropped = false;
  private readonly decoders = new Map<string, StringDecoder>();
  /** Lines seen in all, also those no longer held. */
  lines = 0;

  constructor(readonly limit = 256 * 1024) {}

  /** `from` keeps one decoder per stream, so a character split across two chunks stays whole. */
  append(chunk: Buffer | string, from = 'out'): void {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      let d = this.decoders.get(from);
      if (!d) this.decoders.set(from, (d = new StringDecoder('utf8')));
      text = d.write(chunk);
    }
    if (!text) return;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lines++;
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
      this.dropped = true;
    }
    if (this.size > this.limit) {
      const only = this.chunks[0]!;
      this.chunks[0] = only.slice(only.length - this.limit);
      this.size = this.chunks[0].length;
      this.dropped = true;
    }
  }

  /** Everything still held, starting at a whole line. */
  held(): string {
    const text = this.chunks.join('');
    this.chunks = text ? [text] : [];
    if (!this.dropped) return text;
    const nl = text.indexOf('\n');
    return nl === -1 ? '' : text.slice(nl + 1);
  }

  /** Whether older output was let go. */
  get truncated(): boolean {
    return this.dropped;
  }

  /** The last lines, redacted (by `redact`, then by the registry) before they are cut; undefined when nothing was written. */
  tail(redact: (s: string) => string = (s) => s, maxLines = 40, maxChars = 4000): string | undefined {
    const text = this.held();
    if (!text.trim()) return undefined;
    return cutTail(redact(text), maxLines, maxChars, this.lines + (text.endsWith('\n') ? 0 : 1));
  }
}

/**
 * The last `maxLines` lines (and at most `maxChars` characters) of an output: what reports and
 * evidence keep. Redacted whole before it is cut: a secret straddling the cut would otherwise keep
 * its end, which no rule recognises any more; and the cut never starts halfway through a
 * [REDACTED] marker.
 */
export function cutTail(text: string, maxLines = 40, maxChars = 4000, totalLines?: number): string {
  const trimmed = redactText(text).replace(/\s+$/, '');
  const lines = trimmed.split(/\r?\n/);
  let out = lines.length > maxLines ? lines.slice(-maxLines).join('\n') : trimmed;
  if (out.length > maxChars) {
    let from = trimmed.length - maxChars;
    const marker = trimmed.lastIndexOf(REDACTED, from);
    if (marker !== -1 && marker + REDACTED.length > from) from = marker;
    out = trimmed.slice(from);
  }
  const total = Math.max(totalLines ?? 0, lines.length);
  const cut = out.length < trimmed.length || total > lines.length;
  return cut ? `… (${total} lines, last ${Math.min(maxLines, out.split('\n').length)} shown)\n${out}` : out;
}
