import { runSignal } from '../cancel.js';
import type { Redactor } from '../redact.js';
import { settlesWithin } from '../wait.js';
import { cutTail } from './output.js';
import { supervise, type StopReport } from './supervisor.js';

export interface RunSpec {
  /** A shell command line, or an argv run without shell interpretation of its words. */
  command: string | readonly string[];
  cwd: string;
  env?: Record<string, string>;
  timeoutMs: number;
  /** Aborted when the caller's own limit is reached (a matrix row's time limit). */
  signal?: AbortSignal;
  redactor: Redactor;
  label?: string;
  /** SIGTERM to SIGKILL, when the command has to be stopped. */
  graceMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  timedOut: boolean;
  aborted: boolean;
  /** The process could not be started at all (no such shell or program, bad cwd). */
  spawnError?: string;
  /** How what it left running was ended, and anything that survived. */
  stop: StopReport;
  /** The last lines of stdout and stderr interleaved, redacted before they are cut. */
  tail(maxLines?: number, maxChars?: number): string;
  /** All of the output still held (the last 256 KiB), redacted. */
  text(): string;
}

// After the command exits, its output pipes may still be held open by something it put in the
// background; reading stops this long after the exit, and that process is ended with the command.
const DRAIN_MS = 200;
const GRACE_MS = 3_000;

export function displayCommand(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/**
 * Runs a command to its end within a limit: a shell line through the system shell, an argv
 * without one. Whatever it started in the background (`sleep 3600 &`, a `setsid` child) ends
 * with it; a command over its limit is stopped (SIGTERM, then SIGKILL) and reading stops then,
 * even if a descendant holds the output pipes open.
 */
export async function runToEnd(spec: RunSpec): Promise<RunResult> {
  const started = performance.now();
  const shell = typeof spec.command === 'string';
  const argv = typeof spec.command === 'string' ? [] : [...spec.command];
  const proc = supervise({
    command: typeof spec.command === 'string' ? spec.command : argv[0]!,
    args: argv.slice(1),
    shell,
    cwd: spec.cwd,
    // Output is kept as evidence: plain text, unless the command asks for colour itself.
    env: { NO_COLOR: '1', ...spec.env },
    unsetEnv: ['FORCE_COLOR'],
    label: spec.label ?? `command ${displayCommand(spec.command)}`.slice(0, 200),
    redactor: spec.redactor,
  });
  let timedOut = false;
  let aborted = false;
  const limit = new Promise<'limit'>((resolve) => {
    const timer = setTimeout(() => {
      timedOut = true;
      resolve('limit');
    }, Math.max(1, spec.timeoutMs));
    timer.unref();
    void proc.exited.then(() => clearTimeout(timer));
  });
  const signals = [spec.signal, runSignal()].filter((s): s is AbortSignal => s !== undefined);
  const abort = new Promise<'limit'>((resolve) => {
    const onAbort = () => {
      aborted = true;
      resolve('limit');
    };
    for (const s of signals) {
      if (s.aborted) onAbort();
      else s.addEventListener('abort', onAbort, { once: true });
    }
    void proc.exited.then(() => signals.forEach((s) => s.removeEventListener('abort', onAbort)));
  });
  let endedAt = 0;
  void proc.exited.then(() => (endedAt = performance.now()));
  const first = await Promise.race([proc.exited.then(() => 'exit' as const), limit, abort]);
  if (first === 'exit') {
    await settlesWithin(Promise.all([closed(proc.child.stdout), closed(proc.child.stderr)]), DRAIN_MS);
  }
  const stop = await proc.stop(spec.graceMs ?? GRACE_MS);
  const exit = proc.exit ?? { code: null, signal: null };
  return {
    exitCode: exit.code,
    signal: exit.signal,
    // Until the command ended, not until what it left behind was cleaned up: latency samples use it.
    durationMs: Math.round((endedAt || performance.now()) - started),
    timedOut: first !== 'exit' && timedOut,
    aborted: first !== 'exit' && aborted && !timedOut,
    ...(proc.startFailed ? { spawnError: proc.startFailed } : {}),
    stop,
    text: () => spec.redactor.text(proc.output.held()),
    tail: (maxLines = 40, maxChars = 4000) => {
      const text = proc.output.held();
      return text ? cutTail(spec.redactor.text(text), maxLines, maxChars, proc.output.lines) : '';
    },
  };
}

function closed(stream: NodeJS.ReadableStream | null): Promise<void> {
  return new Promise((resolve) => {
    if (!stream || (stream as unknown as { closed?: boolean }).closed) return resolve();
    stream.once('close', () => resolve());
  });
}

/** One line saying how a command ended, for messages. */
export function describeRun(r: RunResult, limitMs: number, what: string): string {
  const left = r.stop.leftovers.length ? `; ${r.stop.leftovers.length} process(es) it started survived SIGKILL (${r.stop.leftovers.join(', ')})` : '';
  if (r.spawnError) return `${what} could not start: ${r.spawnError}`;
  if (r.timedOut) return `${what} did not finish within ${limitMs} ms and was stopped (${r.stop.endedBy === 'SIGKILL' ? 'SIGTERM was ignored; SIGKILL ended it' : `${r.stop.endedBy} ended it`})${left}`;
  if (r.aborted) return `${what} was stopped: the time limit was reached or the run was interrupted${left}`;
  if (r.signal) return `${what} was killed by ${r.signal}${left}`;
  return `${what} exited with code ${r.exitCode}${left}`;
}
