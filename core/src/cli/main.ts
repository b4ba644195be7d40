import { resetRun } from '../cancel.js';
import { runAllCleanups } from '../cleanup.js';
import type { LoadedConfig } from '../config/index.js';
import { UsageError } from '../errors.js';
import { createOutput } from '../output.js';
import { cutoverVersion } from '../paths.js';
import { renderRootHelp, renderVerbHelp } from './help.js';
import { checkPositionals, parseVerbArgs, resolveVerb } from './parse.js';
import { reportError } from './report-error.js';
import type { OptionValues, Verb } from './verb.js';

export interface RunOptions {
  /** The verbs to offer; the top-level `cli.ts` passes every pillar's. */
  verbs: Verb[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** argv → verb → exit code. The only place where coded errors become exit codes. */
export async function runCli(argv: readonly string[], opts: RunOptions): Promise<number> {
  resetRun();
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  // Until argv is parsed, answer in the mode the raw flags ask for.
  const early = createOutput({ json: argv.includes('--json'), debug: argv.includes('--debug'), color: argv.includes('--no-color') ? false : undefined, env, ...streams(opts) });
  try {
    const verbs = opts.verbs;
    // `cutover help matrix run` is `cutover matrix run --help`.
    if (argv[0] === 'help') return printHelp(argv.slice(1), verbs, env, opts);
    const { path, verb, rest } = resolveVerb(argv, verbs);
    const { values, positionals } = parseVerbArgs(rest, verb, path);
    const out = createOutput({ json: values.json === true, debug: values.debug === true, color: values['no-color'] === true ? false : undefined, env, ...streams(opts) });
    if (!verb) {
      if (values.version) {
        if (out.json) out.printJson({ name: 'cutover', version: cutoverVersion(), node: process.versions.node });
        else out.stdout.write(`${cutoverVersion()}\n`);
        return 0;
      }
      out.stdout.write(`${renderRootHelp(verbs, cutoverVersion(), out.style)}\n`);
      return values.help || argv.length === 0 ? 0 : 2;
    }
    if (values.help || !verb.run) {
      out.stdout.write(`${renderVerbHelp(path, verb, out.style)}\n`);
      return values.help ? 0 : 2;
    }
    checkPositionals(verb, positionals, path);
    let loaded: Promise<LoadedConfig> | undefined;
    const configPath = typeof values.config === 'string' ? values.config : undefined;
    return await verb.run({
      values: values as OptionValues,
      positionals,
      out,
      cwd,
      env,
      configPath,
      // Loaded on first use: the validator and the config loaders are most of start-up, and not every verb needs them.
      loadConfig: () => (loaded ??= import('../config/index.js').then((m) => m.loadConfig({ cwd, configPath }))),
    });
  } catch (e) {
    return reportError(early, e);
  } finally {
    await runAllCleanups();
  }
}

function printHelp(words: readonly string[], verbs: Verb[], env: NodeJS.ProcessEnv, opts: RunOptions): number {
  const out = createOutput({ json: false, debug: false, color: words.includes('--no-color') ? false : undefined, env, ...streams(opts) });
  const { path, verb, rest } = resolveVerb(words.filter((w) => w !== '--no-color'), verbs);
  if (rest.length) throw new UsageError(`cutover help takes verb names only, not "${rest[0]}"`, { hint: 'For example `cutover help matrix run`.' });
  out.stdout.write(`${verb ? renderVerbHelp(path, verb, out.style) : renderRootHelp(verbs, cutoverVersion(), out.style)}\n`);
  return 0;
}

function streams(opts: RunOptions) {
  return {
    ...(opts.stdout ? { stdout: opts.stdout as never } : {}),
    ...(opts.stderr ? { stderr: opts.stderr as never } : {}),
  };
}
