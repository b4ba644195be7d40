import fs from 'node:fs';
import { cancelReason, runSignal } from '../../../core/src/cancel.js';
import { CancelledError } from '../../../core/src/errors.js';
import { supervise, type StopReport, type Supervised } from '../../../core/src/process/supervisor.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { TargetSpec } from '../matrix-file/types.js';

export interface StartedTarget {
  /** The parsed JSON ready line, when the ready line is JSON. */
  ready: unknown;
  pid: number;
  process: Supervised;
  stop(): Promise<StopReport>;
}

export class TargetError extends Error {}

const POLL_MS = 20;

/**
 * Starts a target for one cell through the process supervisor and waits until it is ready (a
 * stdout line, a file, or both). Its secret files are registered from the moment they exist, so
 * nothing it prints before it is ready, or while failing to get there, leaks.
 */
export async function startTarget(
  name: string,
  spec: TargetSpec,
  opts: { cwd: string; expand: (s: string) => string; resolve: (s: string) => string; redactor: Redactor; signal: AbortSignal; limitMs: number },
): Promise<StartedTarget> {
  const [cmd, ...args] = spec.command.map(opts.expand);
  const proc = supervise({
    command: cmd!,
    args,
    cwd: opts.cwd,
    env: Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, opts.expand(v)])),
    label: `target ${name}`,
    redactor: opts.redactor,
    secretFiles: (spec.secretFiles ?? []).map((f) => opts.resolve(opts.expand(f))),
  });
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
  const waitingFor = [pattern ? `a stdout line matching /${spec.ready!.stdout}/` : '', file ? `${file} to exist` : ''].filter(Boolean).join(' and ') || 'the process to start';
  const started = Date.now();
  const fail = async (why: string): Promise<never> => {
    await stop();
    const err = proc.stderrTail();
    throw new TargetError(`target "${name}" ${why}${err ? `; its stderr ends with:\n${err}` : ''}`);
  };
  for (;;) {
    if (proc.startFailed) return fail(`could not start ${cmd}: ${proc.startFailed}`);
    if (!proc.alive) return fail(`exited (${proc.describeExit()}) while waiting for ${waitingFor}`);
    const okStdout = !pattern || readyLine !== undefined;
    const okFile = !file || fs.existsSync(file);
    if (okStdout && okFile && proc.pid !== undefined) break;
    if (runSignal().aborted) {
      await stop();
      throw new CancelledError(cancelReason() ?? 'SIGINT', `waiting for target "${name}"`);
    }
    if (opts.signal.aborted) return fail(`was stopped by the row's time limit while waiting for ${waitingFor}`);
    if (Date.now() - started > limit) return fail(`was not ready after ${limit} ms waiting for ${waitingFor}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  proc.release();
  let ready: unknown;
  if (readyLine !== undefined) {
    try {
      ready = JSON.parse(readyLine);
    } catch {
      ready = undefined;
    }
  }
  return { ready, pid: proc.pid!, process: proc, stop };
}
