import net from 'node:net';

/**
 * A newline-JSON client for one socket: sends a request carrying an `id`, resolves with the
 * response line carrying the same `id`, and lets pushed events pass. Enough to time a real
 * round trip through a daemon; protocol checking is the harness's job.
 */
export class LineClient {
  private buffer = '';
  private readonly waiting = new Map<string, (msg: Record<string, unknown>) => void>();
  private closedWith: Error | undefined;

  private constructor(private readonly socket: net.Socket, private readonly label: string) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    const fail = (err: Error) => {
      this.closedWith = err;
      for (const [, resolve] of this.waiting) resolve({ __closed: err.message });
      this.waiting.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error(`${label} closed the connection`)));
  }

  static connect(endpoint: string, timeoutMs: number): Promise<LineClient> {
    const tcp = /^tcp:\/\/\[?([^\]]+?)\]?:(\d+)$/.exec(endpoint);
    const socket = tcp ? net.connect(Number(tcp[2]), tcp[1]) : net.connect(endpoint);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`timed out after ${timeoutMs} ms connecting to ${endpoint}`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new LineClient(socket, endpoint));
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot connect to ${endpoint}: ${err.message}`));
      });
    });
  }

  request(message: Record<string, unknown>, timeoutMs: number): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = String(message.id);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for the response to request ${id} from ${this.label}`));
      }, timeoutMs);
      this.waiting.set(id, (msg) => {
        clearTimeout(timer);
        if ('__closed' in msg) reject(new Error(String(msg.__closed)));
        else resolve(msg);
      });
      this.socket.write(`${JSON.stringify(message)}\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: string): void {
    const parts = (this.buffer + chunk).split('\n');
    this.buffer = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      let msg: unknown;
      try {
        msg = JSON.parse(line);
      } catch {
        continue;
      }
      if (msg === null || typeof msg !== 'object') continue;
      const id = (msg as { id?: unknown }).id;
      const resolve = id === undefined || id === null ? undefined : this.waiting.get(String(id));
      if (resolve) {
        this.waiting.delete(String(id));
        resolve(msg as Record<string, unknown>);
      }
    }
  }
}
