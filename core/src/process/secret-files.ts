import fs from 'node:fs';
import type { Redactor } from '../redact.js';

const FAST_MS = 20;
const SLOW_MS = 250;
const FAST_FOR_MS = 5_000;

/**
 * Secrets a target writes to files (its auth token) are registered the moment the file has
 * content, not when cutover first needs them: a target may print the token, or fail, before it
 * is ready. Polled, because watching a file that does not exist yet is not portable; fast while
 * a target starts, slower after.
 */
export class SecretFileWatch {
  private readonly seen = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly files: readonly string[],
    private readonly redactor: Redactor,
  ) {
    if (files.length) this.schedule();
  }

  /** Reads every file now and registers what changed. Synchronous, so it can run right before a write. */
  readNow(): void {
    for (const file of this.files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8').trim();
      } catch {
        continue; // not written yet
      }
      if (text && this.seen.get(file) !== text) {
        this.seen.set(file, text);
        this.redactor.addSecret(text);
        for (const line of text.split(/\r?\n/)) if (line.trim() && line.trim() !== text) this.redactor.addSecret(line.trim());
      }
    }
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.readNow();
  }

  private schedule(): void {
    const ms = Date.now() - this.started < FAST_FOR_MS ? FAST_MS : SLOW_MS;
    this.timer = setTimeout(() => {
      this.readNow();
      this.schedule();
    }, ms);
    this.timer.unref();
  }
}
