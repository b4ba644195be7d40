import fs from 'node:fs';
import { cancelReason, runSignal } from '../../../core/src/cancel.js';
import { CancelledError } from '../../../core/src/errors.js';
import type { PidFileSpec } from '../../../core/src/process/pid-file.js';
import { supervise, type StopReport, type Supervised } from '../../../core/src/process/supervisor.js';
import type { Redactor } from '../../../core/src/redact.js';
import { parseEndpoint, tryConnect } from '../../../harness/src/runtime/endpoint.js';
import type { TargetSpec } from '../matrix-file/types.js';
import { learnSecrets } from '../../../core/src/redact/learn.js';

export interface StartedTarget {
  name: string;
  spec: TargetSpec;
  /** The parsed JSON ready line, when the ready line is JSON. */
  ready: unknown;
  pid: number;
  process: Supervised;
  /** The PID file, resolved, when the target names one. */
  pidFile: { path: string; field?: string } | undefined;
  /** Whether the target still runs: its process, or for a target that forks, the daemon it left. */
  isRunning(): boolean;
  stop(): Promise<StopReport>;
}

export interface StartOptions {
  cwd: string;
  expand: (s: string) => string;
  resolve: (s: string) => string;
  redactor: Redactor;
  signal: AbortSignal;
  limitMs: number;
}

export class TargetError extends Error {}

const POLL_MS = 20;

/** "the output ends with:\n…" for messages, or nothing when it wrote nothing. */
export function outputEnding(proc: Supervised, whose = 'its', lines = 15): string {
  const tail = proc.outputTail(lines);
  return tail ? `; ${whose} output ends with:\n${tail}` : '';
}

/** Starts a target's command (not waiting for anything): the one way a target's process is made. */
export function superviseTarget(name: string, spec: TargetSpec, opts: StartOptions, more: { pidFiles?: PidFileSpec[]; label?: string } = {}): Supervised {
  const [cmd, ...args] = spec.command.map(opts.expand);
  return supervise({
    command: cmd!,
    args,
    cwd: opts.cwd,
    env: Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, opts.expand(v)])),
    label: more.label ?? `target ${name}`,
    redactor: opts.redactor,
    secretFiles: (spec.secretFiles ?? []).map((f) => opts.resolve(opts.expand(f))),
    ...(more.pidFiles ? { pidFiles: more.pidFiles } : {}),
  });
}

/**
 * Starts a target for one cell through the process supervisor and waits until it is ready (a
 * stdout line, a file, an endpoint that accepts a connection, or all of these). A target that
 * `forks` may exit 0 once its daemon runs; the daemon (found by the run's mark, its group or
 * its PID file) is the target from then on. Its secret files are registered from the moment
 * they exist, so nothing it prints before it is ready, or while failing to get there, leaks.
 */
export async function startTarget(name: string, spec: TargetSpec, opts: StartOptions): Promise<StartedTarget> {
  const cmd = opts.expand(spec.command[0]!);
  const pidFile = spec.pidFile ? { path: opts.resolve(opts.expand(spec.pidFile.path)), ...(spec.pidFile.field ? { field: spec.pidFile.field } : {}) } : undefined;
  const connect = spec.ready?.connect !== undefined ? opts.expand(spec.ready.connect) : undefined;
  const endpoint = connect !== undefined ? parseEndpoint(/^(tcp:|\\\\)/.test(connect) ? connect : opts.resolve(connect), `targets.${name}.ready.connect`) : undefined;
  const proc = superviseTarget(name, spec, opts, { ...(pidFile ? { pidFiles: [pidFile] } : {}) });
  const pattern = spec.ready?.stdout !== undefined ? new RegExp(spec.ready.stdout) : undefined;
  let readyLine: string | undefined;
  let partial = '';
  const onLine = (d: Buffer) => {
    const text = partial + d.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop()!.slice(-64_000);
    if (pattern && readyLine === undefined) readyLine = lines.find((l) => pattern.test(l.replace(/\r$/, '')));
    if (readyLine !== undefined) proc.child.stdout!.off('data', onLine);
  };
  if (pattern) proc.child.stdout!.on('data', onLine);
  const stop = () => proc.stop(spec.stopTimeoutMs ?? 5_000);
  const limit = Math.min(spec.ready?.timeoutMs ?? 15_000, opts.limitMs);
  const file = spec.ready?.file !== undefined ? opts.resolve(opts.expand(spec.ready.file)) : undefined;
  const waitingFor =
    [
      spec.forks ? 'its start command to exit' : '',
      pattern ? `a stdout line matching /${spec.ready!.stdout}/` : '',
      file ? `${file} to exist` : '',
      connect ? `${connect} to accept a connection` : '',
    ]
      .filter(Boolean)
      .join(' and ') || 'the process to start';
  const started = Date.now();
  const fail = async (why: string): Promise<never> => {
    await stop();
    throw new TargetError(`target "${name}" ${why}${outputEnding(proc)}`);
  };
  let accepted = false;
  for (;;) {
    if (proc.startFailed) return fail(`could not start ${cmd}: ${proc.startFailed}`);
    if (!proc.alive) {
      if (!spec.forks) return fail(`exited (${proc.describeExit()}) while waiting for ${waitingFor}`);
      if (proc.exit!.code !== 0) return fail(`did not start: its start command ${proc.describeExit()} while waiting for ${waitingFor}`);
      if (!proc.running) return fail(`did not start: its start command exited with code 0, but nothing it started is running (waiting for ${waitingFor})`);
    }
    if (endpoint && !accepted) {
      const r = await tryConnect(endpoint);
      if ('socket' in r) {
        r.socket.destroy();
        accepted = true;
      }
    }
    const okStdout = !pattern || readyLine !== undefined;
    const okFile = !file || fs.existsSync(file);
    // A command that forks has done its part when it returns (`mytool daemon start && mytool daemon status`).
    const okStarted = !spec.forks || !proc.alive;
    if (okStdout && okFile && (!endpoint || accepted) && okStarted && proc.pid !== undefined) break;
    if (runSignal().aborted) {
      await stop();
      throw new CancelledError(cancelReason() ?? 'SIGINT', `waiting for target "${name}"`);
    }
    if (opts.signal.aborted) return fail(`was stopped by the row's time limit while waiting for ${waitingFor}`);
    if (Date.now() - started > limit) return fail(`was not ready after ${limit} ms waiting for ${waitingFor}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  let ready: unknown;
  if (readyLine !== undefined) {
    try {
      ready = JSON.parse(readyLine);
    } catch {
      ready = undefined;
    }
  }
  // A token in the ready line is learnt before the output held until ready is let go.
  if (ready !== undefined) learnSecrets(ready, 'learnt');
  proc.release();
  // A daemon it forked is named to the orphan guard too, so it ends with the run however the run ends.
  proc.adopt();
  const isRunning = () => (spec.forks ? proc.running : proc.alive);
  return { name, spec, ready, pid: proc.pid!, process: proc, pidFile, isRunning, stop };
}
