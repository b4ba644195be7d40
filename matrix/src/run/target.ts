import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { onCleanup } from '../../../core/src/cleanup.js';
import type { Redactor } from '../../../core/src/redact.js';
import { tail } from '../checks/support/tail.js';
import type { TargetSpec } from '../matrix-file/types.js';

export interface StartedTarget {
  /** The parsed JSON ready line, when the ready line is JSON. */
  ready: unknown;
  pid: number;
  stop(): Promise<void>;
}

export class TargetError extends Error {}

const POLL_MS = 20;

/**
 * Starts a target for one cell and waits until it is ready (a stdout line, a file, or both).
 * The process runs in its own process group so stopping it ends everything it spawned.
 */
export async function startTarget(
  name: string,
  spec: TargetSpec,
  opts: { cwd: string; expand: (s: string) => string; resolve: (s: string) => string; redactor: Redactor; signal: AbortSignal; limitMs: number },
): Promise<StartedTarget> {
  const [cmd, ...args] = spec.command.map(opts.expand);
  const env = { ...process.env, ...Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, opts.expand(v)])) };
  const child = spawn(cmd!, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  let stdout = '';
  let stderr = '';
  let readyLine: string | undefined;
  const pattern = spec.ready?.stdout !== undefined ? new RegExp(spec.ready.stdout) : undefined;
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => {
    stdout = (stdout + d).slice(-64_000);
    if (pattern && readyLine === undefined) readyLine = stdout.split('\n').find((l, i, all) => i < all.length - 1 && pattern.test(l));
  });
  child.stderr!.on('data', (d: string) => (stderr = (stderr + d).slice(-64_000)));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once('error', (err) => {
      spawnError = err;
      resolve();
    });
  });
  const stop = async () => stopChild(child, exitPromise, () => exited !== undefined || spawnError !== undefined, spec.stopTimeoutMs ?? 5_000);
  const dispose = onCleanup(`target ${name}`, stop);
  const limit = Math.min(spec.ready?.timeoutMs ?? 15_000, opts.limitMs);
  const file = spec.ready?.file !== undefined ? opts.resolve(opts.expand(spec.ready.file)) : undefined;
  const waitingFor = [pattern ? `a stdout line matching /${spec.ready!.stdout}/` : '', file ? `${file} to exist` : ''].filter(Boolean).join(' and ') || 'the process to start';
  const started = Date.now();
  const fail = async (why: string): Promise<never> => {
    await dispose();
    const err = opts.redactor.text(tail(stderr, 15, 2000));
    throw new TargetError(`target "${name}" ${why}${err ? `; its stderr ends with:\n${err}` : ''}`);
  };
  for (;;) {
    if (spawnError) return fail(`could not start ${cmd}: ${spawnError.message}`);
    if (exited) return fail(`exited (code ${exited.code ?? exited.signal}) while waiting for ${waitingFor}`);
    const okStdout = !pattern || readyLine !== undefined;
    const okFile = !file || fs.existsSync(file);
    if (okStdout && okFile && child.pid !== undefined) break;
    if (opts.signal.aborted) return fail(`was stopped by the row's time limit while waiting for ${waitingFor}`);
    if (Date.now() - started > limit) return fail(`was not ready after ${limit} ms waiting for ${waitingFor}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  for (const f of spec.secretFiles ?? []) {
    try {
      opts.redactor.addSecret(fs.readFileSync(opts.resolve(opts.expand(f)), 'utf8').trim());
    } catch {
      // A secret file that does not exist yet holds no secret to scrub.
    }
  }
  let ready: unknown;
  if (readyLine !== undefined) {
    try {
      ready = JSON.parse(readyLine);
    } catch {
      ready = undefined;
    }
  }
  return { ready, pid: child.pid!, stop: dispose };
}

async function stopChild(child: ChildProcess, exited: Promise<void>, done: () => boolean, graceMs: number): Promise<void> {
  if (done() || child.pid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (process.platform === 'win32') child.kill(sig);
      else process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
  if (!graceful) {
    signal('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
  // The group may hold children that outlived the leader; they go too.
  signal('SIGKILL');
}
