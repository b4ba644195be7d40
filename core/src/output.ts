import type { Writable } from 'node:stream';

/** Where a verb writes: results to `stdout`, progress and diagnostics to `stderr`. */
export interface Output {
  readonly json: boolean;
  readonly color: boolean;
  readonly debug: boolean;
  /** True on an interactive terminal: live progress allowed. */
  readonly interactive: boolean;
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

export function createOutput(opts: OutputOptions = {}): Output {
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  endQuietlyWhenReaderLeaves(stdout);
  endQuietlyWhenReaderLeaves(stderr);
  const env = opts.env ?? process.env;
  const json = opts.json ?? false;
  const color = !json && shouldUseColor(stdout, env, opts.color);
  return {
    json,
    color,
    debug: opts.debug ?? false,
    interactive: stderr.isTTY === true && !env.CI,
    stdout,
    stderr,
    style: color ? ansi : plain,
    print(line = '') {
      if (!json && writable(stdout)) stdout.write(`${line}\n`);
    },
    info(line) {
      if (writable(stderr)) stderr.write(`${line}\n`);
    },
    printJson(value) {
      if (writable(stdout)) stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}
