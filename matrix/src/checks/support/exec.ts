import { onCleanup } from '../../../../core/src/cleanup.js';
import { tail } from './tail.js';

export interface ExecOptions {
  /** A shell command line, or an argv run without shell interpretation of its words. */
  command: string | readonly string[];
  cwd: string;
  env?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** What the caller waits for, for the timeout message. */
  what?: string;
}

export interface ExecResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  /** stdout and stderr interleaved as they arrived (full; callers keep a tail). */
  output: string;
  timedOut: boolean;
  aborted: boolean;
  /** The process could not be started at all (no such shell, bad cwd). */
  spawnError?: string;
}

// A process that ignores SIGTERM gets this long before SIGKILL.
const KILL_GRACE_MS = 3_000;

function withoutColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}

export function displayCommand(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/**
 * Runs a command through zx: a string goes to the shell as written, an argv is quoted word
 * by word. The whole process tree is ended on timeout or abort (SIGTERM, then SIGKILL).
 */
export async function execCommand(opts: ExecOptions): Promise<ExecResult> {
  // zx is loaded on first use so verbs that run no command (gate, plan) do not pay for it.
  const { $ } = await import('zx');
  const started = performance.now();
  const shell = $({
    cwd: opts.cwd,
    // Output is kept as evidence: plain text, unless the row asks for colour itself.
    env: { ...withoutColor(process.env), NO_COLOR: '1', ...opts.env },
    nothrow: true,
    quiet: true,
    verbose: false,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(typeof opts.command === 'string' ? { quote: (s: string) => s } : {}),
  });
  const proc = typeof opts.command === 'string' ? shell`${opts.command}` : shell`${[...opts.command]}`;
  let timedOut = false;
  let aborted = false;
  let killTimer: NodeJS.Timeout | undefined;
  // zx refuses (synchronously) to kill a process that has already ended; that is not an error here.
  const kill = (signal: NodeJS.Signals) => {
    try {
      void proc.kill(signal).catch(() => undefined);
    } catch {
      // already ended
    }
  };
  const stop = () => {
    kill('SIGTERM');
    killTimer = setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, Math.max(1, opts.timeoutMs));
  const onAbort = () => {
    aborted = true;
    stop();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const dispose = onCleanup(`command ${displayCommand(opts.command)}`, () => kill('SIGKILL'));
  try {
    const out = await proc;
    const spawnError = out.exitCode === null && !out.signal && out.cause ? out.cause.message : undefined;
    return {
      exitCode: out.exitCode,
      signal: out.signal,
      durationMs: Math.round(performance.now() - started),
      output: out.stdall,
      timedOut,
      aborted,
      ...(spawnError ? { spawnError } : {}),
    };
  } finally {
    clearTimeout(timer);
    clearTimeout(killTimer);
    opts.signal?.removeEventListener('abort', onAbort);
    await dispose();
  }
}

/** One line saying how a command ended, for messages. */
export function describeExit(r: ExecResult, limitMs: number, what: string): string {
  if (r.spawnError) return `${what} could not start: ${r.spawnError}`;
  if (r.timedOut) return `${what} did not finish within ${limitMs} ms and was stopped`;
  if (r.aborted) return `${what} was stopped: the row's time limit was reached`;
  if (r.signal) return `${what} was killed by ${r.signal}`;
  return `${what} exited with code ${r.exitCode}`;
}

export { tail };
