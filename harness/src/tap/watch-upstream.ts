import fs from 'node:fs';
import net from 'node:net';
import { CancelledError } from '../../../core/src/errors.js';
import { sleep } from '../../../core/src/wait.js';
import { connectOptions, describeEndpoint, type Endpoint } from '../runtime/endpoint.js';

export interface UpstreamWatch {
  /** Ends the watch (the tap is ending for another reason). */
  stop(): void;
}

const TICK_MS = 500;
/** A Unix socket's file is checked every tick; a connection is tried every this many ticks (a daemon killed -9 leaves its file behind). */
const PROBE_EVERY = 10;
const PROBE_TIMEOUT_MS = 2000;

/**
 * Watches the daemon while no client is connected (with clients, their own connections tell when
 * it goes): a Unix socket whose file is gone, or any endpoint that refuses a probe connection, is a
 * daemon gone away, and `gone` is told why. A probe that gets no answer in time says nothing: a
 * busy daemon is not a gone one.
 */
export function watchUpstream(upstream: Endpoint, idle: () => boolean, gone: (why: string) => void): UpstreamWatch {
  let stopped = false;
  const where = describeEndpoint(upstream);
  void (async () => {
    for (let tick = 1; !stopped; tick++) {
      try {
        await sleep(TICK_MS);
      } catch (e) {
        if (e instanceof CancelledError) return;
        throw e;
      }
      if (stopped || !idle()) continue;
      if (upstream.kind === 'unix' && !fs.existsSync(upstream.path)) return gone(`the daemon went away: its socket ${where} is gone`);
      if (upstream.kind === 'unix' && tick % PROBE_EVERY !== 0) continue;
      const refused = await probe(upstream);
      if (refused && !stopped && idle()) return gone(`the daemon at ${where} went away (a probe connection failed: ${refused})`);
    }
  })();
  return { stop: () => void (stopped = true) };
}

/** One connection, closed at once: the error code when it failed, undefined when it connected or did not answer in time. */
function probe(e: Endpoint): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(connectOptions(e));
    const done = (v: string | undefined) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(undefined));
    socket.once('connect', () => done(undefined));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}
