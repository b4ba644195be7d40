// One process per data dir: two writers would interleave events.jsonl and hand out the
// same seq twice. The lock file holds the owner's pid; a lock whose pid is dead is stale
// (the owner was SIGKILLed) and is taken over.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { removeQuietly } from '../persistence.js';

export class AlreadyRunningError extends Error {
  constructor(readonly pid: number | null, what: string) {
    super(what);
  }
}

export function acquireLock(lockFile: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    // Write the pid to a private file, then hard-link it into place: link() fails if the
    // lock exists, and a lock that exists always already contains its pid.
    const tmp = path.join(path.dirname(lockFile), `.daemon.lock.${process.pid}`);
    fs.writeFileSync(tmp, `${process.pid}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, lockFile);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      removeQuietly(tmp);
    }
    const holder = readPid(lockFile);
    if (holder !== null && isAlive(holder)) {
      throw new AlreadyRunningError(
        holder,
        `cowork: already running with pid ${holder} on ${path.dirname(lockFile)} (lock ${lockFile}); stop it or use another --data-dir`,
      );
    }
    // Re-read just before unlinking, so we never delete a lock someone else just took.
    if (readPid(lockFile) === holder) removeQuietly(lockFile);
  }
  throw new Error(`could not take the lock ${lockFile}: it keeps changing hands`);
}

export function releaseLock(lockFile: string): void {
  // Only our own lock: after a takeover race the file may belong to someone else.
  if (readPid(lockFile) === process.pid) removeQuietly(lockFile);
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A socket file left by a crashed daemon blocks bind() with EADDRINUSE. If something
 * answers on it, another server owns it and we refuse; if not, it is stale and removed.
 */
export async function clearStaleSocket(socketPath: string, timeoutMs = 500): Promise<void> {
  if (!fs.existsSync(socketPath)) return;
  const live = await new Promise<boolean>((resolve) => {
    const probe = net.connect(socketPath);
    const done = (result: boolean) => {
      clearTimeout(timer);
      probe.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(true), timeoutMs); // a hung server still owns it
    probe.once('connect', () => done(true));
    probe.once('error', () => done(false));
  });
  if (live) throw new AlreadyRunningError(null, `cowork: socket ${socketPath} is already in use by another process`);
  removeQuietly(socketPath);
}
