#!/usr/bin/env node
// `npm start`: the notes service in the foreground (a terminal, or launchd's agent).
import fs from 'node:fs';
import { loadConfig } from './config.mjs';
import { handleShutdown } from './lifecycle.mjs';
import { RotatingLog } from './logger.mjs';
import { createHandlers, listen, socketInUse } from './protocol.mjs';
import { FileSessionStore } from './session-store.mjs';

const config = loadConfig();
fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
const log = new RotatingLog({ dir: config.logDir, maxBytes: config.logMaxBytes, maxFiles: config.logMaxFiles });

if (await socketInUse(config.socketPath)) {
  log.error(`another notes service is running (${config.socketPath} answers); not starting a second one`);
  process.exit(1);
}
// Nothing answers: a socket file left by a crash.
fs.rmSync(config.socketPath, { force: true });

const store = new FileSessionStore({ file: config.sessionsFile, log, debounceMs: config.saveDebounceMs, chunkDelayMs: config.saveChunkDelayMs });
const restored = store.load();
log.info(`restored ${restored} session(s) from ${config.sessionsFile}`);
const server = await listen({ socketPath: config.socketPath, handlers: createHandlers({ store, startedAt: Date.now() }), log });
handleShutdown({ store, server, socketPath: config.socketPath, log });
log.info(`listening on ${config.socketPath} (pid ${process.pid})`);
