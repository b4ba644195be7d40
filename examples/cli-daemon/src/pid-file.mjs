// The PID file: JSON {pid, port, startedAt}, mode 0600, written by the daemon once it serves.
import fs from 'node:fs';

export function readPidFile(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const doc = JSON.parse(text);
    if (Number.isSafeInteger(doc.pid) && doc.pid > 0) return doc;
  } catch {
    // written by something else, or cut short
  }
  return { pid: undefined, corrupt: true };
}

export function writePidFile(file, info) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Removes the PID file only if it still names `pid`: a newer daemon's file is not ours to remove. */
export function removePidFile(file, pid) {
  const info = readPidFile(file);
  if (info && info.pid === pid) fs.rmSync(file, { force: true });
}

/** Whether the process runs. A zombie (ended, not yet reaped by whoever adopted it) does not. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
