// The service's local control socket: one JSON object per line,
// {"id":"1","command":"session.create","params":{…}} → {"id":"1","success":true,"result":…}.
import fs from 'node:fs';
import net from 'node:net';

export function createHandlers({ store, startedAt }) {
  return {
    health: () => ({ status: 'ok', sessions: store.sessions.size, uptimeMs: Date.now() - startedAt }),
    'session.create': (p) => store.create(String(p.title ?? 'untitled')),
    'session.list': () => ({ sessions: store.list() }),
    'session.append': (p) => {
      const s = store.append(String(p.sessionId), String(p.text ?? ''));
      return { id: s.id, messages: s.messages.length };
    },
  };
}

function answer(handlers, line, log) {
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    return { id: null, success: false, error: 'not JSON' };
  }
  const handler = handlers[req.command];
  if (!handler) return { id: req.id ?? null, success: false, error: `unknown command ${req.command}` };
  log.info(`request ${req.command}`);
  try {
    return { id: req.id ?? null, success: true, result: handler(req.params ?? {}) };
  } catch (e) {
    return { id: req.id ?? null, success: false, error: e.message };
  }
}

/** Whether something already answers on the socket path (another instance), or the file is left from a crash. */
export function socketInUse(socketPath) {
  return new Promise((resolve) => {
    if (!fs.existsSync(socketPath)) return resolve(false);
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

export function listen({ socketPath, handlers, log }) {
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (d) => {
      const lines = (buf + d).split('\n');
      buf = lines.pop();
      for (const line of lines) if (line.trim()) conn.write(`${JSON.stringify(answer(handlers, line, log))}\n`);
    });
    conn.on('error', () => {});
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Created private: no moment in which another user could connect.
    const umask = process.umask(0o177);
    server.listen(socketPath, () => {
      process.umask(umask);
      resolve(server);
    });
  });
}
