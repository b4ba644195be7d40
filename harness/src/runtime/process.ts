import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { onCleanup } from '../../../core/src/cleanup.js';
import { TransportError } from '../../../core/src/errors.js';
import type { Redactor } from '../../../core/src/redact.js';
import { OutputLog } from './output-log.js';
import { settlesWithin, withTimeout } from './wait.js';

export interface SpawnSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** How the process is named in messages: "old path (stdio)". */
  label: string;
  /** stdio targets speak on stdin/stdout; daemons only get stdout/stderr read. */
  stdin: 'pipe' | 'ignore';
  /** Folder for a full stderr log, `<role>-<pid>.stderr.log`. */
  logDir?: string | undefined;
  role?: string;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A target process in its own process group, so ending it ends everything it started.
 * Registered with the cleanup list on spawn: Ctrl-C, a thrown error or a timeout can never
 * leave it running.
 */
export class TargetProcess {
  readonly child: ChildProcess;
  readonly stderr: OutputLog;
  readonly stdout: OutputLog;
  readonly exited: Promise<ExitInfo>;
  exit: ExitInfo | undefined;
  private readonly disposeCleanup: () => Promise<void>;
  private spawnError: Error | undefined;

  constructor(readonly spec: SpawnSpec, redactor: Redactor) {
    this.stderr = new OutputLog(redactor);
    this.stdout = new OutputLog(redactor, 16 * 1024);
    const command = spec.command === 'node' ? process.execPath : spec.command;
    this.child = spawn(command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: [spec.stdin, 'pipe', 'pipe'],
      detached: true,
      windowsHide: true,
    });
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.append(d));
    if (spec.logDir && this.child.pid !== undefined) {
      fs.mkdirSync(spec.logDir, { recursive: true });
      const log = fs.createWriteStream(path.join(spec.logDir, `${spec.role ?? 'target'}-${this.child.pid}.stderr.log`));
      // Redacted line by line: a token is never split across two writes of the log.
      let partial = '';
      this.child.stderr!.on('data', (d: Buffer) => {
        const text = partial + d.toString('utf8');
        const cut = text.lastIndexOf('\n') + 1;
        partial = text.slice(cut);
        if (cut) log.write(redactor.text(text.slice(0, cut)));
      });
      this.child.stderr!.once('close', () => log.end(partial ? redactor.text(partial) : undefined));
    }
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
    this.disposeCleanup = onCleanup(`${spec.label} (pid ${pid ?? '?'})`, () => this.killGroup('SIGKILL'));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** "exited with code 1" / "was killed by SIGSEGV" / "could not be started: ENOENT". */
  describeExit(): string {
    if (this.spawnError) return `could not be started: ${this.spawnError.message}`;
    if (!this.exit) return 'is still running';
    return this.exit.signal ? `was killed by ${this.exit.signal}` : `exited with code ${this.exit.code}`;
  }

  /** A TransportError saying the target ended, with its stderr. */
  exitedError(while_: string): TransportError {
    return new TransportError(`${this.spec.label} ${this.describeExit()} while ${while_}`, {
      stderrTail: this.stderr.tail(),
      hint: this.spawnError
        ? `Check harness command "${this.spec.command}" and its cwd ${this.spec.cwd}.`
        : 'The target crashed or refused to start; its stderr is above.',
    });
  }

  /** Signals the whole group; a group already gone is not an error. */
  killGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(process.platform === 'win32' ? pid : -pid, signal);
    } catch {
      // ESRCH: nothing left in the group.
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the leader has exited. Idempotent. */
  async stop(graceMs: number): Promise<void> {
    if (this.alive) {
      this.killGroup('SIGTERM');
      const done = await settlesWithin(this.exited, graceMs);
      if (!done) this.killGroup('SIGKILL');
    }
    // Children the leader started may outlive it; the group kill reaches them too.
    await this.crash();
  }

  /** kill -9 on the group, as a crash would, and wait until it is gone. */
  async crash(): Promise<void> {
    this.killGroup('SIGKILL');
    await withTimeout(this.exited, { what: `${this.spec.label} to exit after SIGKILL`, timeoutMs: 5000 });
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    this.child.stdin?.destroy();
    await this.disposeCleanup();
  }
}
