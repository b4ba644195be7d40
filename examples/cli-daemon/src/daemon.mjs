#!/usr/bin/env node
// The daemon itself (run by `clid start`, by systemd or by launchd): an HTTP health endpoint on
// loopback, its PID file written once it serves, removed when SIGTERM or SIGINT stops it.
import fs from 'node:fs';
import http from 'node:http';
import { logFile, pidFile, root } from './paths.mjs';
import { removePidFile, writePidFile } from './pid-file.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const home = opt('--home', process.env.HOME);
const port = Number(opt('--port', '0'));
fs.mkdirSync(root(home), { recursive: true, mode: 0o700 });
const log = (msg) => fs.appendFileSync(logFile(home), `${new Date().toISOString()} ${msg}\n`, { mode: 0o600 });

const startedAt = Date.now();
const server = http.createServer((req, res) => {
  if (req.url !== '/health') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok', pid: process.pid, uptimeMs: Date.now() - startedAt }));
});

server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address();
  writePidFile(pidFile(home), { pid: process.pid, port: bound, startedAt: new Date(startedAt).toISOString() });
  log(`daemon started pid ${process.pid} port ${bound}`);
});

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  server.close();
  removePidFile(pidFile(home), process.pid);
  log('daemon stopped');
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
