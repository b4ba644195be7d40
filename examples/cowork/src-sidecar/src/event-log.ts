// The replay buffer, backed by an append-only file so that seq stays gapless and keeps
// increasing across restarts (including SIGKILL), and so a client that reconnects to a
// restarted daemon can still catch up with agent_get_events_since.
import fs from 'node:fs';
import type { AgentEvent } from './types.js';
import { writeFileAtomic } from './persistence.js';

export type EventsSince =
  | { events: AgentEvent[]; latestSeq: number }
  | { stale: true; oldestSeq: number; latestSeq: number };

export class EventLog {
  private buffer: AgentEvent[] = [];
  private latest = 0;
  private fd: number | null = null;
  private appendedSinceCompact = 0;

  constructor(
    private readonly file: string,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`replay buffer size must be a positive integer, got ${capacity}`);
    }
  }

  open(): void {
    let text = '';
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        this.buffer.push(JSON.parse(line) as AgentEvent);
      } catch {
        // A line torn by a crash is dropped; every complete line before it is kept.
      }
    }
    this.latest = this.buffer.at(-1)?.seq ?? 0;
    this.buffer = this.buffer.slice(-this.capacity);
    this.compact();
  }

  get latestSeq(): number {
    return this.latest;
  }

  nextSeq(): number {
    return this.latest + 1;
  }

  append(event: AgentEvent): void {
    if (event.seq !== this.latest + 1) {
      throw new Error(`seq gap: expected ${this.latest + 1}, got ${event.seq}`);
    }
    this.latest = event.seq;
    this.buffer.push(event);
    if (this.buffer.length > this.capacity) this.buffer.shift();
    // One write(2) per event: cheap enough for bulk streams, and the kernel keeps it
    // even if the process is killed right after.
    if (this.fd !== null) fs.writeSync(this.fd, JSON.stringify(event) + '\n');
    if (++this.appendedSinceCompact > this.capacity) this.compact();
  }

  since(sinceSeq: number): EventsSince {
    const oldestSeq = this.buffer[0]?.seq ?? this.latest + 1;
    // A cursor from the future means our history was reset (new data dir): the client's
    // view is as unusable as a too-old cursor, so both say stale.
    if (sinceSeq < oldestSeq - 1 || sinceSeq > this.latest) {
      return { stale: true, oldestSeq, latestSeq: this.latest };
    }
    return { events: this.buffer.filter((e) => e.seq > sinceSeq), latestSeq: this.latest };
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** Rewrite the file to hold only the buffer, so it never grows past ~2x capacity. */
  private compact(): void {
    this.close();
    writeFileAtomic(this.file, this.buffer.map((e) => JSON.stringify(e) + '\n').join(''));
    this.fd = fs.openSync(this.file, 'a');
    this.appendedSinceCompact = 0;
  }
}
