import { spawn, type ChildProcess } from 'node:child_process';
import { kill, killWindowsTree } from './kill.js';
import { throwIfCancelled } from '../cancel.js';
import { onCleanup } from '../cleanup.js';
import { TransportError } from '../errors.js';
import { learnSecrets } from '../redact.js';
import { settlesWithin } from '../wait.js';
import { orphanGuard } from './guard.js';
import { environment, newMark } from './marks.js';
import { OutputTail } from './output.js';
import { SecretFileWatch } from './secret-files.js';
import { StderrLog } from './stderr-log.js';
import { pidFileRoots } from './pid-file.js';
import { commandLine, processTable, startOf, treeOf, type ProcEntry } from './table.js';

import type { ExitInfo, StopReport, SuperviseSpec } from './types.js';

export type { ExitInfo, StopReport, SuperviseSpec };


const POLL_MS = 50;
const KILL_WAIT_MS = 5_000;

/**
 * The one way cutover starts a process: harness targets, matrix targets, shell checks and
 * lifecycle steps all come through here. The process gets its own process group and a mark in
 * its environment, so stopping it ends everything it started, also descendants that left the
 * group; it is registered for Ctrl-C cleanup and with the orphan guard; its output is kept as a
 * bounded tail; stopping escalates from SIGTERM to SIGKILL and reports which ended it and what,
 * if anything, survived.
 */
export class Supervised {
  readonly child: ChildProcess;
  readonly mark = newMark();
  /** stdout and stderr, each on its own, and both interleaved as they arrived. */
  readonly stdout: OutputTail;
  readonly stderr: OutputTail;
  readonly output: OutputTail;
  readonly exited: Promise<ExitInfo>;
  exit: ExitInfo | undefined;
  private spawnError: Error | undefined;
  private readonly disposeCleanup: () => Promise<void>;
  private readonly secrets: SecretFileWatch;
  private readonly log: StderrLog | undefined;
  private stopped: Promise<StopReport> | undefined;
  private readonly started: string | undefined;
  private readonly adopted = new Set<number>();

  constructor(readonly spec: SuperviseSpec) {
    throwIfCancelled(`starting ${spec.label}`);
    // What it is given may hold secrets (a secret-named env var, `--db-password X`, a URL with a
    // password): known before it can print them back.
    learnSecrets({ env: spec.env ?? {}, args: [...(spec.args ?? [])], ...(spec.shell ? { line: spec.command } : {}) });
    const limit = spec.tailLimit ?? 256 * 1024;
    this.stdout = new OutputTail(limit);
    this.stderr = new OutputTail(limit);
    this.output = new OutputTail(limit);
    this.secrets = new SecretFileWatch(spec.secretFiles ?? [], spec.redactor);
    const command = spec.command === 'node' && !spec.shell ? process.execPath : spec.command;
    this.child = spawn(command, spec.args ?? [], {
      cwd: spec.cwd,
      env: environment(spec, this.mark),
      stdio: [spec.stdin ?? 'ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      shell: spec.shell ?? false,
      windowsHide: true,
    });
    this.log = spec.logFile ? new StderrLog(spec.logFile(this.child.pid), spec.redactor) : undefined;
    if (spec.stdout !== 'raw') {
      this.child.stdout!.on('data', (d: Buffer) => {
        this.stdout.append(d);
        this.output.append(d, 'stdout');
      });
    }
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr.append(d);
      this.output.append(d, 'stderr');
      this.log?.write(d);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('error', (err) => {
        this.spawnError = err;
        this.exit ??= { code: null, signal: null };
        resolve(this.exit);
      });
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    const pid = this.child.pid;
    // Read at once: even a leader that has already exited is a zombie until Node reaps it.
    this.started = pid !== undefined && spec.pidFiles?.length ? startOf(pid) : undefined;
    if (pid !== undefined) orphanGuard.watch(pid, process.platform === 'win32' ? 0 : pid);
    // A daemon it forks may be known only by its PID file: the guard reads it too if cutover is killed outright.
    if (pid !== undefined && this.started !== undefined) for (const f of spec.pidFiles ?? []) orphanGuard.pidFile(pid, this.started, f.field ?? 'pid', f.path);
    // Ctrl-C or a thrown error before anyone stopped it; once stopping has begun, that path finishes it.
    this.disposeCleanup = onCleanup(`${spec.label} (pid ${pid ?? '?'})`, async () => {
      if (!this.stopped) await this.crash();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** When it started, in the process table's terms (read at spawn when it has PID files). */
  get startStamp(): string | undefined {
    return this.started;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** Whether anything of it runs: the process itself, or what it started (a daemon it forked before exiting). */
  get running(): boolean {
    return this.alive || this.tree().length > 0;
  }

  /**
   * The process that stands for it: itself while it runs; after it exited, the daemon its PID file
   * names, else the oldest process left of its tree.
   */
  mainPid(): number | undefined {
    if (this.alive) return this.child.pid;
    const table = processTable();
    const tree = this.tree(table);
    const fromFile = pidFileRoots(this.spec.pidFiles ?? [], this.started, table, this.mark).find((p) => tree.some((e) => e.pid === p));
    if (fromFile !== undefined) return fromFile;
    const ids = new Set(tree.map((e) => e.pid));
    return tree.filter((e) => !ids.has(e.ppid)).sort((a, b) => a.pid - b.pid)[0]?.pid;
  }

  /** Whether it could not be started at all (no such program, a bad cwd). */
  get startFailed(): string | undefined {
    return this.spawnError?.message;
  }

  /** "exited with code 1" / "was killed by SIGSEGV" / "could not be started: ENOENT". */
  describeExit(): string {
    if (this.spawnError) return `could not be started: ${this.spawnError.message}`;
    if (!this.exit) return 'is still running';
    return this.exit.signal ? `was killed by ${this.exit.signal}` : `exited with code ${this.exit.code}`;
  }

  /** The last lines of its stderr, secrets (also those only just learnt) redacted. */
  stderrTail(lines = 15): string | undefined {
    this.secrets.readNow();
    return this.stderr.tail((s) => this.spec.redactor.text(s), lines, 4000);
  }

  /** The last lines of stdout and stderr as they arrived, redacted: what a failure message shows. */
  outputTail(lines = 20): string | undefined {
    this.secrets.readNow();
    return this.output.tail((s) => this.spec.redactor.text(s), lines, 4000);
  }

  /** Names every process of its tree to the orphan guard, so a daemon it forked ends with the run even if cutover is killed outright. */
  adopt(): void {
    for (const p of this.tree()) {
      if (p.pid === this.child.pid || this.adopted.has(p.pid)) continue;
      this.adopted.add(p.pid);
      orphanGuard.watch(p.pid, process.platform === 'win32' ? 0 : p.pgid);
    }
  }

  /** A TransportError saying the target ended, with its stderr. */
  exitedError(while_: string): TransportError {
    return new TransportError(`${this.spec.label} ${this.describeExit()} while ${while_}`, {
      stderrTail: this.stderrTail(),
      hint: this.spawnError
        ? `Check the command "${this.spec.command}" and its working directory ${this.spec.cwd}.`
        : 'The target crashed or refused to start; its stderr is above.',
    });
  }

  /** Secrets from the secret files are known now; held log lines can be written. Idempotent. */
  release(): void {
    this.secrets.readNow();
    this.log?.release();
  }

  /**
   * Everything that belongs to it and is still running: its group, its descendants, what carries
   * its mark, and (unless `viaPidFiles` is false: to prove a PID file right, not assume it) what its PID files name.
   */
  tree(table = processTable(), viaPidFiles = true): ProcEntry[] {
    const pid = this.child.pid;
    if (pid === undefined) return [];
    const roots = viaPidFiles ? pidFileRoots(this.spec.pidFiles ?? [], this.started, table, this.mark) : [];
    return treeOf({ pid, pgid: process.platform === 'win32' ? -1 : pid, mark: this.mark, roots }, table);
  }

  /** A signal to the process alone, or to its group and every descendant. A process already gone is not an error. */
  signal(signal: NodeJS.Signals | 0, to: 'process' | 'tree' = 'tree'): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    if (to === 'process') return kill(pid, signal);
    if (process.platform === 'win32') return void killWindowsTree(pid);
    kill(-pid, signal);
    for (const p of this.tree()) if (p.pgid !== pid) kill(p.pid, signal);
  }

  /**
   * Ends it and everything it started: `signal` (SIGTERM) to the whole tree, SIGKILL to what is
   * left after `graceMs`. Resolves once nothing of it runs any more, or says what survived.
   */
  stop(graceMs: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<StopReport> {
    return (this.stopped ??= this.end(graceMs, signal));
  }

  /** kill -9 on the whole tree, as a crash would, and wait until it is gone. */
  async crash(): Promise<StopReport> {
    return (this.stopped ??= this.end(0, 'SIGKILL'));
  }

  private async end(graceMs: number, signal: NodeJS.Signals): Promise<StopReport> {
    const descendants = this.tree().filter((p) => p.pid !== this.child.pid).length;
    let endedBy: StopReport['endedBy'] = 'exited';
    if (this.alive || descendants > 0) {
      endedBy = signal;
      this.signal(signal);
      if (signal !== 'SIGKILL' && !(await this.gone(graceMs))) {
        endedBy = 'SIGKILL';
        this.signal('SIGKILL');
      }
      if (signal === 'SIGKILL' || endedBy === 'SIGKILL') await this.gone(KILL_WAIT_MS);
    }
    const leftovers = this.tree().map((p) => `pid ${p.pid}: ${commandLine(p.pid) || '?'}`);
    this.release();
    this.child.stdin?.destroy();
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    this.secrets.close();
    await this.log?.close();
    if (this.child.pid !== undefined) orphanGuard.unwatch(this.child.pid);
    if (this.child.pid !== undefined && this.started !== undefined && !leftovers.length) orphanGuard.unpidFile(this.child.pid);
    for (const p of this.adopted) if (!leftovers.some((l) => l.startsWith(`pid ${p}:`))) orphanGuard.unwatch(p);
    await this.disposeCleanup();
    return { endedBy, exit: this.exit, descendants, leftovers };
  }

  /** Waits (bounded) until the leader has exited and nothing of its tree runs. */
  private async gone(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    for (;;) {
      const leaderDone = !this.alive || (await settlesWithin(this.exited, Math.min(POLL_MS, Math.max(0, until - Date.now()))));
      if (leaderDone && this.tree().length === 0) return true;
      if (Date.now() >= until) return false;
      if (leaderDone) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}

/** Starts a supervised process (refused once the run is cancelled). */
export function supervise(spec: SuperviseSpec): Supervised {
  return new Supervised(spec);
}

export { processTable };
