import net from 'node:net';
import { ConfigError } from '../../../core/src/errors.js';

export type Endpoint = { kind: 'unix' | 'pipe'; path: string } | { kind: 'tcp'; host: string; port: number };

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1)$/;

/** `tcp://127.0.0.1:PORT`, `\\.\pipe\NAME` or a Unix socket path. Loopback only: a token must never cross a network. */
export function parseEndpoint(value: string, where: string): Endpoint {
  if (value.startsWith('tcp://')) {
    const m = /^tcp:\/\/(.+):(\d{1,5})$/.exec(value);
    if (!m || !LOOPBACK.test(m[1]!)) {
      throw new ConfigError(`${where}: expected tcp://127.0.0.1:PORT (loopback only), found "${value}"`);
    }
    const port = Number(m[2]);
    if (port < 1 || port > 65535) throw new ConfigError(`${where}: port out of range in "${value}"`);
    return { kind: 'tcp', host: m[1]!.replace(/^\[|\]$/g, ''), port };
  }
  if (/^\\\\[.?]\\pipe\\/i.test(value)) return { kind: 'pipe', path: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new ConfigError(`${where}: unsupported endpoint "${value}" (use a socket path, a named pipe or tcp://127.0.0.1:PORT)`);
  return { kind: 'unix', path: value };
}

export function describeEndpoint(e: Endpoint): string {
  return e.kind === 'tcp' ? `tcp://${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}` : e.path;
}

export function connectOptions(e: Endpoint): net.NetConnectOpts {
  return e.kind === 'tcp' ? { host: e.host, port: e.port } : { path: e.path };
}

/** One connection attempt; resolves with the socket or the error code. */
export function tryConnect(e: Endpoint): Promise<{ socket: net.Socket } | { error: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const socket = net.connect(connectOptions(e));
    const onError = (error: NodeJS.ErrnoException) => {
      socket.destroy();
      resolve({ error });
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve({ socket });
    });
  });
}
