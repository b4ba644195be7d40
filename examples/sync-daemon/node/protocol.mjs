// The client side of the control socket, as rust/src/protocol.rs: one request, one answer line.
import net from 'node:net';
import { socketPath } from './paths.mjs';

export class DaemonNotRunning extends Error {}

export function sendRequest(home, request) {
  const socket = socketPath(home);
  return new Promise((resolve, reject) => {
    const conn = net.connect(socket);
    let buf = '';
    conn.setEncoding('utf8');
    conn.once('error', (e) => reject(e.code === 'ENOENT' || e.code === 'ECONNREFUSED' ? new DaemonNotRunning(socket) : e));
    conn.once('connect', () => conn.write(`${JSON.stringify(request)}\n`));
    conn.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      conn.destroy();
      try {
        resolve(JSON.parse(buf.slice(0, nl)));
      } catch (e) {
        reject(e);
      }
    });
    conn.once('end', () => {
      if (!buf.includes('\n')) reject(new Error('the daemon closed the connection without an answer'));
    });
  });
}

/** The status, or undefined when it is not running; a daemon just starting gets 5 tries, 100 ms apart. */
export async function requestStatus(home) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return (await sendRequest(home, { cmd: 'status' })).data;
    } catch (e) {
      if (!(e instanceof DaemonNotRunning)) throw e;
      if (attempt < 4) await new Promise((r) => setTimeout(r, 100));
    }
  }
  return undefined;
}

export const requestSync = (home, codebase) => sendRequest(home, { cmd: 'sync', ...(codebase ? { codebase } : {}) });
export const requestStop = (home) => sendRequest(home, { cmd: 'stop' });
