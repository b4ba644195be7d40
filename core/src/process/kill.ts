import { spawn } from 'node:child_process';

/** A signal to one pid or group (negative); a process already gone is not an error. */
export function kill(pid: number, signal: NodeJS.Signals | 0): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: already gone; EPERM: not ours, and reported as a leftover if it stays
  }
}

export function killWindowsTree(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const p = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    p.once('exit', () => resolve());
    p.once('error', () => resolve());
  });
}
