import { configVerb } from './core/src/commands/config.js';
import { runCli as runCoreCli, type RunOptions } from './core/src/cli/main.js';
import { cancelReason } from './core/src/cancel.js';
import { installSignalCleanup } from './core/src/cleanup.js';
import { sweepStaleTempDirs } from './core/src/tmp.js';
import type { Verb } from './core/src/cli/verb.js';
import { verbs as manifestVerbs } from './manifests/src/verbs.js';
import { verbs as harnessVerbs } from './harness/src/verbs.js';
import { verbs as matrixVerbs } from './matrix/src/verbs.js';
import { verbs as evidenceVerbs } from './evidence/src/verbs.js';
import { verbs as initVerbs } from './init/src/verbs.js';

/** The order help lists verbs in: the pipeline's order, then utilities. */
const ORDER = ['init', 'manifest', 'check', 'drift', 'record', 'replay', 'tap', 'matrix', 'evidence', 'gate', 'config'];

/**
 * Every working verb. Each pillar registers its verbs in its own `src/verbs.ts`; nothing is listed
 * before it works. The list lives here, above the pillars, so core's CLI shell imports none of them.
 */
export function allVerbs(): Verb[] {
  const verbs = [...initVerbs, ...manifestVerbs, ...harnessVerbs, ...matrixVerbs, ...evidenceVerbs, configVerb];
  const rank = (v: Verb) => (ORDER.includes(v.name) ? ORDER.indexOf(v.name) : ORDER.length);
  return verbs.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** argv → exit code with every verb cutover has. */
export function runCli(argv: readonly string[], opts: Omit<RunOptions, 'verbs'> = {}): Promise<number> {
  return runCoreCli(argv, { ...opts, verbs: allVerbs() });
}

/** Process entry: installs Ctrl-C cleanup, runs, sets the exit code without cutting off pending output. */
export async function main(): Promise<void> {
  installSignalCleanup();
  // Temp dirs of earlier runs that were killed outright (and whose orphan guard went too).
  sweepStaleTempDirs();
  const code = await runCli(process.argv.slice(2));
  process.exitCode = code;
  // An interrupted run has stopped what it started; timers it leaves must not keep it alive.
  if (cancelReason()) process.exit(code);
}
