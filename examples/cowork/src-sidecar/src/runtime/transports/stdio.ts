// The legacy path: the app spawns us and owns our stdin/stdout. The first stdout line is
// the ready event; the app then sends initialize { appDataDir }, and only after it are
// events pushed, in the old envelope (no seq, no timestamp), because the app's stdio reader
// predates the replay cursor and must keep working unchanged.
import { handleRequest } from '../../ipc-handler.js';
import { readyEvent, toLegacyEvent } from '../../event-emitter.js';
import type { Runtime } from '../bootstrap.js';
import type { ReadyInfo, Transport } from '../transport.js';
import { encodeLine, LineSplitter, lineTooLong, MAX_LINE_LENGTH, parseRequestLine } from '../protocol.js';

export class StdioTransport implements Transport {
  private unsubscribe: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private resolveEnded!: () => void;
  /** Resolves when stdin closes: the app is gone, so are we. */
  readonly ended = new Promise<void>((resolve) => (this.resolveEnded = resolve));

  async start(): Promise<ReadyInfo> {
    const info: ReadyInfo = { transport: 'stdio', pid: process.pid, protocolVersion: 1 };
    this.write(readyEvent(info));
    const splitter = new LineSplitter(MAX_LINE_LENGTH);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      const { lines, overflow } = splitter.push(chunk);
      for (const line of lines) this.track(this.onLine(line));
      if (overflow) this.write(lineTooLong());
    });
    process.stdin.on('end', () => this.resolveEnded());
    process.stdin.on('close', () => this.resolveEnded());
    // EPIPE: the app died without closing our stdin first. Nobody is left to answer.
    process.stdout.on('error', () => this.resolveEnded());
    return info;
  }

  /** The state initialize loaded: its events reach the app from now on. */
  attach(rt: Runtime): void {
    this.unsubscribe = rt.events.addSink((event) => this.write(toLegacyEvent(event)));
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    // Answer what was already asked (e.g. a request written right before stdin closed).
    await Promise.all(this.inFlight);
    process.stdin.pause();
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  }

  private async onLine(line: string): Promise<void> {
    const parsed = parseRequestLine(line);
    if (!parsed.ok) return this.write(parsed.response);
    // Stdio always receives every event, so there is nothing to subscribe to.
    this.write(await handleRequest(parsed.request, { subscribe: () => {} }));
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private write(message: unknown): void {
    if (process.stdout.writable) process.stdout.write(encodeLine(message));
  }
}
