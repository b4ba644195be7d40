// start / stop / status / restart, as the CLI runs them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logFile, pidFile, root } from './paths.mjs';
import { isAlive, readPidFile } from './pid-file.mjs';

const DAEMON = path.join(path.dirname(fileURLToPath(import.meta.url)), 'daemon.mjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => process.stdout.write(`${line}\n`);

/** The stop timeout: SIGTERM, then SIGKILL after this long (CLID_STOP_TIMEOUT_MS, default 10 s). */
export function stopTimeoutMs() {
  const v = Number(process.env.CLID_STOP_TIMEOUT_MS ?? 10_000);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

function health(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', timeout: 1000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(res.statusCode === 200 ? JSON.parse(body) : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
  });
}

/** The running daemon's PID file entry; a PID file naming a dead process is removed (and said). */
function running(home) {
  const info = readPidFile(pidFile(home));
  if (!info) return undefined;
  if (info.pid !== undefined && isAlive(info.pid)) return info;
  fs.rmSync(pidFile(home), { force: true });
  say(`removed a stale PID file (${info.pid === undefined ? 'unreadable' : `pid ${info.pid} was not running`})`);
  return undefined;
}

export async function start(home, { port = 0 } = {}) {
  const current = running(home);
  if (current) {
    say(`clid is already running (pid ${current.pid})`);
    return 1;
  }
  fs.mkdirSync(root(home), { recursive: true, mode: 0o700 });
  const out = fs.openSync(logFile(home), 'a', 0o600);
  const child = spawn(process.execPath, [DAEMON, '--home', home, '--port', String(port)], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.closeSync(out);
  for (const until = Date.now() + 10_000; Date.now() < until; await sleep(50)) {
    const info = readPidFile(pidFile(home));
    if (info?.pid === child.pid && (await health(info.port))) {
      say(`clid started (pid ${info.pid}, port ${info.port})`);
      return 0;
    }
    if (child.exitCode !== null) break;
  }
  if (isAlive(child.pid)) process.kill(child.pid, 'SIGKILL');
  say(`clid did not start; see ${logFile(home)}`);
  return 1;
}

/** SIGTERM, then SIGKILL after the stop timeout; the daemon removes its PID file, or this does after a SIGKILL. */
export async function stop(home) {
  const info = running(home);
  if (!info) {
    say('clid is not running');
    return 0;
  }
  process.kill(info.pid, 'SIGTERM');
  const limit = stopTimeoutMs();
  for (const until = Date.now() + limit; Date.now() < until; await sleep(50)) {
    if (!isAlive(info.pid)) {
      say(`clid stopped (pid ${info.pid}, SIGTERM)`);
      return 0;
    }
  }
  process.kill(info.pid, 'SIGKILL');
  while (isAlive(info.pid)) await sleep(20);
  fs.rmSync(pidFile(home), { force: true });
  say(`clid did not stop within ${limit} ms of SIGTERM; sent SIGKILL (pid ${info.pid})`);
  return 0;
}

export async function status(home) {
  const info = readPidFile(pidFile(home));
  if (!info || info.pid === undefined || !isAlive(info.pid)) {
    say(info ? `clid is not running (stale PID file${info.pid ? ` names pid ${info.pid}` : ''})` : 'clid is not running');
    return 3;
  }
  const h = await health(info.port);
  if (!h) {
    say(`clid is running (pid ${info.pid}) but does not answer on port ${info.port}`);
    return 1;
  }
  say(`clid is running (pid ${info.pid}, port ${info.port}, up ${Math.round(h.uptimeMs / 1000)} s)`);
  return 0;
}

export function logs(home, lines = 50) {
  const text = fs.existsSync(logFile(home)) ? fs.readFileSync(logFile(home), 'utf8') : '';
  process.stdout.write(`${text.trimEnd().split('\n').slice(-lines).join('\n')}\n`);
  return 0;
}
