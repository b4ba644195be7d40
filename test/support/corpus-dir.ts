import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * Where the real apps are: `CUTOVER_CORPUS`, else beside the repository like the seeds. Absent on
 * a plain clone: the corpus suite then skips and says so in the run's output (from the corpus test
 * files only, so a run of other files, such as the example's matrix rows, prints nothing about it),
 * and `pnpm test:corpus` refuses to run rather than pass with nothing tested.
 */
export const CORPUS = process.env.CUTOVER_CORPUS ? path.resolve(process.env.CUTOVER_CORPUS) : path.join(REPO_ROOT, '../shared/corpus');

/** Whether the corpus is there; when it is not, the suite says it skips (a skipped suite is not a passed one). */
export function corpusPresent(): boolean {
  const present = fs.existsSync(CORPUS);
  if (!present) console.warn(`cutover tests: the corpus suite (test/corpus) is skipped: no corpus at ${CORPUS} (set CUTOVER_CORPUS=DIR)`);
  return present;
}
