import fs from 'node:fs';
import { ConfigError, TransportError } from '../../../core/src/errors.js';
import { makeTempDir, type TempDir } from '../../../core/src/tmp.js';
import { supervise, type Supervised } from '../../../core/src/process/supervisor.js';
import { withTimeout } from '../../../core/src/wait.js';
import path from 'node:path';
import { expand, expandPath, type TargetSettings, type TargetVars } from '../settings.js';
import type { TransportEnv } from '../transports/transport.js';

/**
 * What both transports share about a target they start: the temp data dir (kept across
 * restarts), placeholder expansion, spawning in a process group, and the ready line.
 */
export class ProcessTarget {
  process: Supervised | undefined;
  private temp: TempDir | undefined;
  private home: TempDir | undefined;

  constructor(
    readonly settings: TargetSettings,
    readonly env: TransportEnv,
  ) {}

  get dataDir(): string | undefined {
    return this.temp?.path;
  }

  /** What `{{…}}` in the target's settings stands for now. */
  vars(): TargetVars {
    return { configDir: this.settings.configDir, ...(this.temp ? { dataDir: this.temp.path } : {}), ...(this.home ? { home: this.home.path } : {}) };
  }

  /** The data dir and home folder the settings ask for, made once and kept across restarts. */
  async ensureDataDir(): Promise<void> {
    if (this.settings.dataDir && !this.temp) this.temp = await makeTempDir('cutover-data-');
    if (this.settings.home && !this.home) this.home = await makeTempDir('cutover-home-');
  }

  spawn(stdin: 'pipe' | 'ignore', track = true): Supervised {
    const s = this.settings;
    const where = `harness.${s.role}`;
    const vars = this.vars();
    const args = s.args.map((a, i) => expand(a, vars, `${where}.args[${i}]`));
    const logDir = this.env.logDir;
    const tokenFile = s.token?.file ? expandPath(s.token.file, vars, `${where}.token.file`) : undefined;
    if (s.token?.env && process.env[s.token.env]) register(this.env, process.env[s.token.env]!.trim());
    // Many sidecars write under ~: with a home of their own, two runs never share (or touch the user's) files.
    const env = {
      ...(vars.home ? { HOME: vars.home, USERPROFILE: vars.home } : {}),
      ...Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, expand(v, vars, `${where}.env.${k}`)])),
    };
    const cwd = expandPath(s.cwd, vars, `${where}.cwd`);
    if (!fs.existsSync(cwd)) {
      throw new ConfigError(`${where}.cwd is ${cwd}, which does not exist`, { hint: 'A relative cwd resolves from the config file\'s folder after its placeholders are replaced ({{dataDir}} is the run\'s data dir).' });
    }
    // A program name is looked up on PATH; a path (it has a slash) resolves like every other path.
    const command = expand(s.command!, vars, `${where}.command`);
    const proc = supervise({
      command: /[\\/]/.test(command) ? expandPath(command, vars, `${where}.command`) : command,
      args,
      env,
      cwd,
      label: `${s.label}: ${[command, ...args].join(' ')}`.slice(0, 200),
      stdin,
      // A stdio target speaks the protocol on stdout: the transport reads every byte of it.
      stdout: stdin === 'pipe' ? 'raw' : 'capture',
      redactor: this.env.redactor,
      ...(tokenFile ? { secretFiles: [tokenFile] } : {}),
      ...(logDir ? { logFile: (pid: number | undefined) => path.join(logDir, `${s.role}-${pid ?? 'unstarted'}.stderr.log`) } : {}),
    });
    if (track) this.process = proc;
    return proc;
  }

  /**
   * Waits for a line matching the ready pattern on stdout/stderr. Returns that line and,
   * for stdout, whatever followed it in the same chunk (the protocol may begin right after).
   */
  waitReadyLine(proc: Supervised, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<{ line: string; rest: Buffer }> {
    const source = stream === 'stdout' ? proc.child.stdout! : proc.child.stderr!;
    let seen = '';
    const found = new Promise<{ line: string; rest: Buffer }>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        let nl: number;
        while ((nl = seen.indexOf('\n')) !== -1) {
          const line = seen.slice(0, nl).replace(/\r$/, '');
          seen = seen.slice(nl + 1);
          if (pattern.test(line)) {
            source.off('data', onData);
            if (stream === 'stdout') source.pause();
            resolve({ line, rest: Buffer.from(seen, 'utf8') });
            return;
          }
        }
        if (seen.length > 1024 * 1024) {
          source.off('data', onData);
          reject(new TransportError(`${this.settings.label} wrote over 1 MB on ${stream} without a line matching the ready pattern ${pattern}`, { stderrTail: proc.stderrTail() }));
        }
      };
      source.on('data', onData);
      void proc.exited.then(() => reject(proc.exitedError(`waiting for its ready line on ${stream} (${pattern})`)));
    });
    return withTimeout(found, {
      what: `${this.settings.label} to print a line matching ${pattern} on ${stream}`,
      timeoutMs: this.settings.ready.timeoutMs,
      stderrTail: () => proc.stderrTail(),
    });
  }

  async stopProcess(): Promise<void> {
    const proc = this.process;
    if (proc) await proc.stop(this.env.timeouts.stopMs);
  }

  async removeDataDir(): Promise<void> {
    const dirs = [this.temp, this.home];
    this.temp = undefined;
    this.home = undefined;
    for (const d of dirs) if (d) await d.remove();
  }

  /** The token from its file or env variable, read now (a restarted daemon writes a new one). */
  async readToken(): Promise<string | undefined> {
    const t = this.settings.token;
    if (!t) return undefined;
    if (t.env) {
      const v = process.env[t.env];
      if (v) return register(this.env, v.trim());
    }
    if (t.file) {
      const file = expandPath(t.file, this.vars(), `harness.${this.settings.role}.token.file`);
      try {
        const v = (await fs.promises.readFile(file, 'utf8')).trim();
        if (v) return register(this.env, v);
      } catch (e) {
        throw new TransportError(`cannot read the auth token of ${this.settings.label} from ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
          stderrTail: this.process?.stderrTail(),
          hint: 'The daemon writes it when it starts; check harness token.file.',
        });
      }
    }
    return undefined;
  }
}

function register(env: TransportEnv, token: string): string {
  env.redactor.addSecret(token);
  return token;
}
