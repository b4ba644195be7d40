import { Writable } from 'node:stream';
import { redactText } from './redact/text.js';
import { redactValue } from './redact/value.js';

/** Where a verb writes: results to `stdout`, progress and diagnostics to `stderr`. */
export interface Output {
  readonly json: boolean;
  readonly color: boolean;
  readonly debug: boolean;
  /** True on an interactive terminal: live progress allowed. */
  readonly interactive: boolean;
  /** 2 when stderr is the process's own: a heartbeat thread may then write to it while the main thread is busy. */
  readonly stderrFd?: number;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** A result line (suppressed in --json mode, where only the JSON document goes to stdout). */
  print(line?: string): void;
  /** A diagnostic or progress line, always on stderr. */
  info(line: string): void;
  /** The one JSON document of a --json run. */
  printJson(value: unknown): void;
  readonly style: Style;
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s, cyan: (s) => s };
const ansi: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

export interface OutputOptions {
  json?: boolean;
  debug?: boolean;
  /** `false` forces colour off (`--no-color`); otherwise colour follows the terminal and NO_COLOR. */
  color?: boolean;
  stdout?: Writable & { isTTY?: boolean };
  stderr?: Writable & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

/** Colour only on a TTY, never with NO_COLOR (any value, per no-color.org), never in --json. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, requested?: boolean): boolean {
  if (requested === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

const guarded = new WeakSet<object>();
const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * A reader that goes away (`cutover gate | head -1`) ends the output quietly: the verb finishes and
 * exits with its own code, with no EPIPE stack trace. Any other stream error is still thrown.
 */
function endQuietlyWhenReaderLeaves(stream: Writable): void {
  if (guarded.has(stream) || typeof stream.on !== 'function') return;
  guarded.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (!CLOSED.has(e.code ?? '')) throw e;
  });
}

const writable = (stream: Writable) => !stream.destroyed && !stream.writableEnded;

type Terminal = Writable & { isTTY?: boolean; columns?: number };

/**
 * Everything a verb writes leaves through here, so no path (a result line, a progress line, an
 * error with the target's stderr, a --debug stack) can print a secret. Each write is redacted
 * whole and passed on at once, so the order of writes and the exit code's timing stay as they were.
 */
class RedactingStream extends Writable {
  constructor(private readonly inner: Terminal) {
    super({ decodeStrings: false });
  }

  get isTTY(): boolean | undefined {
    return this.inner.isTTY;
  }

  get columns(): number | undefined {
    return this.inner.columns;
  }

  override _write(chunk: unknown, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    if (writable(this.inner)) this.inner.write(redactText(typeof chunk === 'string' ? chunk : String(chunk)));
    done();
  }
}

export function createOutput(opts: OutputOptions = {}): Output {
  const rawStdout: Terminal = opts.stdout ?? process.stdout;
  const rawStderr: Terminal = opts.stderr ?? process.stderr;
  endQuietlyWhenReaderLeaves(rawStdout);
  endQuietlyWhenReaderLeaves(rawStderr);
  const stdout = new RedactingStream(rawStdout);
  const stderr = new RedactingStream(rawStderr);
  const env = opts.env ?? process.env;
  const json = opts.json ?? false;
  const color = !json && shouldUseColor(stdout, env, opts.color);
  return {
    json,
    color,
    debug: opts.debug ?? false,
    interactive: stderr.isTTY === true && !env.CI,
    ...(rawStderr === process.stderr ? { stderrFd: 2 } : {}),
    stdout,
    stderr,
    style: color ? ansi : plain,
    print(line = '') {
      if (!json && writable(rawStdout)) stdout.write(`${line}\n`);
    },
    info(line) {
      if (writable(rawStderr)) stderr.write(`${line}\n`);
    },
    printJson(value) {
      // Value by value: a text rule must not break the document's syntax.
      if (writable(rawStdout)) rawStdout.write(`${JSON.stringify(redactValue(value), null, 2)}\n`);
    },
  };
}
