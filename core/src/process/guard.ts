import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import { PROC_MARK_VAR, runId } from './marks.js';

/**
 * The run's orphan guard (bin/cutover-guard.cjs): a small process that outlives cutover only to
 * end what cutover started if cutover itself is killed (SIGKILL leaves no chance to clean up).
 * Started on first use; it holds nothing open that keeps cutover alive.
 */
let child: ChildProcess | undefined;
let failed = false;

function send(line: string): void {
  if (failed) return;
  if (!child) {
    try {
      const env = { ...process.env };
      delete env[PROC_MARK_VAR];
      child = spawn(process.execPath, [path.join(packageRoot(), 'bin', 'cutover-guard.cjs'), runId()], {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: process.platform !== 'win32',
        env,
        windowsHide: true,
      });
      child.on('error', () => (failed = true));
      child.stdin!.on('error', () => (failed = true));
      child.unref();
      (child.stdin as unknown as { unref?: () => void }).unref?.();
    } catch {
      failed = true;
      return;
    }
  }
  child.stdin!.write(`${line}\n`);
}

export const orphanGuard = {
  watch(pid: number, pgid: number): void {
    send(`watch ${pid} ${pgid}`);
  },
  unwatch(pid: number): void {
    send(`unwatch ${pid}`);
  },
  /** A PID file a command may fork a daemon into: its pid ends with the run if it started no earlier than `since`. */
  pidFile(id: number, since: string, field: string, path: string): void {
    send(`pidfile ${id} ${since.replace(/\s+/g, '_')} ${field} ${path}`);
  },
  unpidFile(id: number): void {
    send(`unpidfile ${id}`);
  },
  dir(dir: string): void {
    send(`dir ${dir}`);
  },
  undir(dir: string): void {
    send(`undir ${dir}`);
  },
};
