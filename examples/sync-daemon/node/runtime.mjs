// The daemon, as rust/src/runtime.rs: a control socket (stale socket cleared, a live one refused,
// mode 0600), status / sync / stop, and the same shutdown for stop, Ctrl+C and SIGTERM.
import fs from 'node:fs';
import net from 'node:net';
import { DAEMON_LABEL, generatedRoot, projectsRoot, socketPath } from './paths.mjs';
import * as sync from './sync.mjs';

const log = (msg) => process.stderr.write(`${new Date().toISOString()} INFO ${msg}\n`);

function bindSocket(path) {
  return new Promise((resolve, reject) => {
    const listen = () => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(path, () => {
        fs.chmodSync(path, 0o600);
        resolve(server);
      });
    };
    if (!fs.existsSync(path)) return listen();
    const probe = net.connect(path);
    probe.once('connect', () => {
      probe.destroy();
      reject(new Error(`socket already in use: ${path}`));
    });
    probe.once('error', () => {
      log(`removing a stale socket ${path}`);
      fs.rmSync(path, { force: true });
      listen();
    });
  });
}

function handleLine(line, state, shutdown) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `invalid request: ${e.message}` };
  }
  switch (req.cmd) {
    case 'status':
      return { ok: true, data: statusPayload(state) };
    case 'sync':
      try {
        const summary = sync.run(state.home, req.codebase ?? undefined, 'socket');
        state.codebases = sync.codebases(state.home);
        return { ok: true, data: summary };
      } catch (e) {
        return { ok: false, error: e.message };
      }
    case 'stop':
      setImmediate(() => shutdown('stop'));
      return { ok: true, data: { stopping: true } };
    default:
      return { ok: false, error: `unknown command: ${req.cmd}` };
  }
}

function statusPayload(state) {
  return {
    running: true,
    label: DAEMON_LABEL,
    started_at_unix: state.startedAtUnix,
    codebase_count: state.codebases.length,
    codebases: state.codebases,
    socket: socketPath(state.home),
    projects_root: projectsRoot(state.home),
  };
}

export async function run(home) {
  fs.mkdirSync(projectsRoot(home), { recursive: true });
  fs.mkdirSync(generatedRoot(home), { recursive: true });
  const state = { home, startedAtUnix: Math.floor(Date.now() / 1000), codebases: sync.codebases(home) };
  const socket = socketPath(home);
  let server;
  try {
    server = await bindSocket(socket);
  } catch (e) {
    log(e.message);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (why) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${why})`);
    server.close();
    fs.rmSync(socket, { force: true });
    log('stopped');
    process.exit(0);
  };
  server.on('connection', (conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (d) => {
      const lines = (buf + d).split('\n');
      buf = lines.pop();
      for (const line of lines) if (line.trim()) conn.write(`${JSON.stringify(handleLine(line, state, shutdown))}\n`);
    });
    conn.on('error', () => {});
  });
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  log(`listening on ${socket}`);
}
