import type { TransportError } from '../../../core/src/errors.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { Supervised } from '../../../core/src/process/supervisor.js';
import type { TargetSettings, TargetVars, Timeouts } from '../settings.js';

/** A byte stream to the target: a child's stdin/stdout, or one socket connection. */
export interface Channel {
  readonly label: string;
  write(text: string): void;
  onData(cb: (chunk: Buffer) => void): void;
  onClose(cb: (why: string) => void): void;
  /** Orderly close (stdin end, FIN). */
  end(): void;
  /** Abrupt close, as a client that vanishes (RST, pipes dropped). */
  destroy(): void;
  readonly closed: boolean;
}

export interface TransportEnv {
  timeouts: Timeouts;
  redactor: Redactor;
  /** Keep each target's whole stderr here (redacted). */
  logDir?: string | undefined;
}

/**
 * How the harness reaches a target. One file per transport under `transports/`, listed in
 * `transports/registry.ts`. A transport starts and ends its target (in its own process
 * group), hands out channels, and knows the target's health so no wait outlives a crash.
 */
export interface Transport {
  readonly settings: TargetSettings;
  /** `one`: a single channel per process lifetime (stdio); `many`: any number of connections (socket). */
  readonly connections: 'one' | 'many';
  /** Starts the target (if configured to) and waits until it is ready. */
  start(): Promise<void>;
  connect(): Promise<Channel>;
  /** kill -9 the target's process group and start it again on the same data dir. */
  restart(): Promise<void>;
  /** Ends everything: channels, the process group, the temp data dir. Idempotent. */
  stop(): Promise<void>;
  /** The auth token to present, read again at every connect; undefined when none is configured. */
  readonly token: string | undefined;
  readonly process: Supervised | undefined;
  readonly dataDir: string | undefined;
  /** What `{{dataDir}}`, `{{home}}`, `{{configDir}}` stand for in this target's settings now. */
  vars(): TargetVars;
  stderrTail(): string | undefined;
  /** Starts one more instance with the same command and data dir, not tracked by the transport (the caller ends it). */
  spawnSibling(): Supervised | undefined;
  /** Non-undefined once the target has died: waits check it so none outlives a crash. */
  failure(): TransportError | undefined;
}

export type TransportFactory = (settings: TargetSettings, env: TransportEnv) => Transport;
