#!/usr/bin/env node
// Entry point. Without --daemon this is the legacy sidecar the desktop app spawns and
// talks to over stdio (the app sends initialize { appDataDir } first); with --daemon it is
// the standalone service on a local socket.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDaemon } from './daemon.js';
import { registerCoworkHandlers, registerLifecycleHandlers } from './ipc-handler.js';
import { log } from './log.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime/bootstrap.js';
import { acquireLock, AlreadyRunningError, releaseLock } from './runtime/instance-lock.js';
import type { Endpoint } from './runtime/transports/local-ipc-server.js';
import { StdioTransport } from './runtime/transports/stdio.js';

const USAGE = `Usage: node dist/index.js [--replay-buffer N]
       node dist/index.js --daemon [--data-dir DIR] [--listen tcp://127.0.0.1:PORT] [--replay-buffer N]

  (stdio)              the app sends initialize { appDataDir } first; until then every other
                       command is refused and daemon_health answers ready: false
  --daemon             serve on DIR/cowork.sock (a named pipe on Windows) instead of stdio
  --data-dir DIR       daemon only: state directory (default: $COWORK_DATA_DIR or ~/.cowork)
  --listen URL         daemon only: serve on loopback tcp instead (PORT 0 picks a free port)
  --replay-buffer N    events kept for agent_get_events_since (default 1000)

Environment: COWORK_CHUNK_DELAY_MS adds a delay between streamed chunks; COWORK_STARTUP_DELAY_MS
makes the daemon take that long to load its state after it starts listening.`;

class UsageError extends Error {}

interface Args extends RuntimeOptions {
  daemon: boolean;
  listen: Endpoint | null;
  dataDirGiven: boolean;
  startupDelayMs: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    daemon: false,
    listen: null,
    dataDir: process.env.COWORK_DATA_DIR ?? path.join(os.homedir(), '.cowork'),
    replayBuffer: 1000,
    chunkDelayMs: Number(process.env.COWORK_CHUNK_DELAY_MS ?? 0) || 0,
    dataDirGiven: false,
    startupDelayMs: Number(process.env.COWORK_STARTUP_DELAY_MS ?? 0) || 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--daemon') args.daemon = true;
    else if (flag === '--data-dir') {
      args.dataDir = path.resolve(value());
      args.dataDirGiven = true;
    }
    else if (flag === '--listen') args.listen = parseListen(value());
    else if (flag === '--replay-buffer') args.replayBuffer = parsePositiveInt(value(), flag);
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new UsageError(`unknown argument: ${flag}`);
  }
  if (args.listen && !args.daemon) throw new UsageError('--listen only applies with --daemon');
  if (args.dataDirGiven && !args.daemon) throw new UsageError('--data-dir only applies with --daemon (on stdio the app sends initialize { appDataDir })');
  return args;
}

function parseListen(value: string): Endpoint {
  const match = /^tcp:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/.exec(value);
  // Loopback only: the token is the only guard, and it must never cross a network.
  if (!match) throw new UsageError(`--listen expects tcp://127.0.0.1:PORT (loopback only), got ${value}`);
  const port = Number(match[2]);
  if (port > 65535) throw new UsageError(`--listen port out of range: ${port}`);
  return { kind: 'tcp', host: match[1] === '[::1]' ? '::1' : (match[1] ?? '127.0.0.1'), port };
}

function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} expects a positive integer, got ${value}`);
  return n;
}

async function runStdio(args: Args): Promise<void> {
  const transport = new StdioTransport();
  let rt: Runtime | null = null;
  let lockFile: string | null = null;
  registerLifecycleHandlers({
    runtime: () => rt,
    notReady: 'not initialized: send initialize { appDataDir } first',
    startedAt: Date.now(),
    async initialize(appDataDir) {
      const dataDir = path.resolve(appDataDir);
      if (rt) {
        if (rt.dataDir === dataDir) return { initialized: true, protocolVersion: 1 };
        throw new Error(`already initialized with another data dir (${rt.dataDir})`);
      }
      // The legacy sidecar takes the same lock: a sidecar and a daemon on one data dir
      // would both write its files.
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      const lock = path.join(dataDir, 'daemon.lock');
      acquireLock(lock);
      lockFile = lock;
      const loaded = createRuntime({ ...args, dataDir });
      registerCoworkHandlers(loaded);
      transport.attach(loaded);
      rt = loaded;
      return { initialized: true, protocolVersion: 1 };
    },
  });
  const stop = async () => {
    await transport.close();
    rt?.close();
    if (lockFile) releaseLock(lockFile);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await transport.start();
  await transport.ended;
  await stop();
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`cowork: ${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  try {
    await (args.daemon ? runDaemon(args) : runStdio(args));
  } catch (err) {
    if (err instanceof AlreadyRunningError) process.stderr.write(`${err.message}\n`);
    else log(`fatal: ${(err as Error).message}`);
    process.exit(1);
  }
}

void main();
