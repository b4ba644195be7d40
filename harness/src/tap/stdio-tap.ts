import type { Readable, Writable } from 'node:stream';
import { unlessCancelled } from '../../../core/src/cancel.js';
import { CancelledError } from '../../../core/src/errors.js';
import type { Redactor } from '../../../core/src/redact.js';
import { supervise, type ExitInfo } from '../../../core/src/process/supervisor.js';
import { settlesWithin } from '../../../core/src/wait.js';
import type { TapRecorder } from './recorder.js';

export interface StdioTapOptions {
  command: string;
  args: readonly string[];
  recorder: TapRecorder;
  redactor: Redactor;
  /** Grace between SIGTERM and SIGKILL when the sidecar has to be stopped. */
  stopMs: number;
  /** The app's side: what it writes to its sidecar, and where the sidecar's answers go. */
  fromApp: Readable;
  toApp: Writable;
  /** Where the sidecar's stderr goes, as it is (the app reads it as it would the sidecar's). */
  errToApp: Writable;
}

export interface StdioTapEnd {
  /** Which side ended it. */
  endedBy: 'sidecar' | 'app' | 'interrupted';
  /** The sidecar's exit, when it ended on its own. */
  exit: ExitInfo | undefined;
}

/**
 * In place of the sidecar the app spawns: starts the real one through the supervisor and passes
 * every byte both ways unchanged (piped, so back-pressure holds), while the recorder reads a copy.
 * Either side going away ends it: the app closing stdin (the sidecar gets its stdin closed and
 * the time to end it would have had), the sidecar exiting (the app gets its output to the last
 * byte), or a signal (passed on to the sidecar as SIGTERM, then SIGKILL after the grace time).
 */
export async function tapStdio(o: StdioTapOptions): Promise<StdioTapEnd> {
  const proc = supervise({
    command: o.command,
    args: o.args,
    cwd: process.cwd(),
    stdin: 'pipe',
    stdout: 'raw',
    label: `tapped sidecar: ${[o.command, ...o.args].join(' ')}`.slice(0, 200),
    redactor: o.redactor,
  });
  proc.release();
  const child = proc.child;
  const conn = o.recorder.open();
  // A sidecar that cannot take input (it exited) must not take the tap down with EPIPE.
  child.stdin!.on('error', () => {});
  o.toApp.on('error', () => {});
  o.fromApp.on('data', (chunk: Buffer) => o.recorder.fromClient(conn, chunk));
  o.fromApp.pipe(child.stdin!);
  child.stdout!.on('data', (chunk: Buffer) => o.recorder.fromServer(conn, chunk));
  child.stdout!.pipe(o.toApp, { end: false });
  child.stderr!.on('data', (chunk: Buffer) => o.errToApp.write(chunk));

  const appGone = new Promise<'app'>((resolve) => {
    o.fromApp.once('end', () => resolve('app'));
    o.fromApp.once('close', () => resolve('app'));
    o.toApp.once('error', () => resolve('app'));
  });
  const outputDone = new Promise<void>((resolve) => child.stdout!.once('close', () => resolve()));
  let endedBy: StdioTapEnd['endedBy'];
  try {
    endedBy = await unlessCancelled(Promise.race([proc.exited.then(() => 'sidecar' as const), appGone]), 'passing traffic between the app and its sidecar');
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    endedBy = 'interrupted';
  }
  if (endedBy === 'sidecar') {
    // What it wrote before it exited still reaches the app.
    await settlesWithin(outputDone, o.stopMs);
    o.fromApp.unpipe(child.stdin!);
    o.fromApp.pause();
  } else if (endedBy === 'app') {
    // As without the tap: its stdin closes, and it gets the time to end on its own.
    child.stdin!.end();
    if (!(await settlesWithin(proc.exited, o.stopMs))) await proc.stop(o.stopMs);
  } else await proc.stop(o.stopMs);
  await settlesWithin(outputDone, 1000);
  return { endedBy, exit: endedBy === 'sidecar' ? proc.exit : undefined };
}
