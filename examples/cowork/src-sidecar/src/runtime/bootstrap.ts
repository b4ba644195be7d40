// Builds the runtime both entry points share. Both transports sit on the same state,
// handlers and emitter; only how requests arrive and events leave differs.
import fs from 'node:fs';
import path from 'node:path';
import { AgentRunner } from '../agent-runner.js';
import { EventEmitter } from '../event-emitter.js';
import { EventLog } from '../event-log.js';
import { RuntimeState } from '../runtime-state.js';
import { Services } from '../services.js';
import { SessionStore } from '../session-store.js';

export interface RuntimeOptions {
  dataDir: string;
  replayBuffer: number;
  chunkDelayMs: number;
}

export interface Runtime {
  dataDir: string;
  startedAt: number;
  sessions: SessionStore;
  state: RuntimeState;
  services: Services;
  log: EventLog;
  events: EventEmitter;
  runner: AgentRunner;
  /** Flushes what is buffered and closes files; safe to call twice. */
  close(): void;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  // 0700: the data dir holds the auth token and chat history.
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const sessions = new SessionStore(options.dataDir);
  const state = new RuntimeState(options.dataDir);
  const services = new Services(options.dataDir);
  const log = new EventLog(path.join(options.dataDir, 'events.jsonl'), options.replayBuffer);
  // State is fully loaded before any transport accepts a request, so the first
  // bootstrap a client sees is already the restored one.
  sessions.load();
  state.load();
  services.load();
  log.open();
  const events = new EventEmitter(log);
  const runner = new AgentRunner(sessions, state, events, options.chunkDelayMs);
  return {
    dataDir: options.dataDir,
    startedAt: Date.now(),
    sessions,
    state,
    services,
    log,
    events,
    runner,
    close() {
      // Every mutation is already on disk; the final writes only make that explicit.
      sessions.persist();
      state.persist();
      log.close();
    },
  };
}
