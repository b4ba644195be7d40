import path from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * Where the real apps are: `CUTOVER_CORPUS`, else beside the repository like the seeds. Absent on
 * a plain clone: the corpus suite then skips (the global setup says so in the run's output), and
 * `pnpm test:corpus` refuses to run rather than pass with nothing tested.
 */
export const CORPUS = process.env.CUTOVER_CORPUS ? path.resolve(process.env.CUTOVER_CORPUS) : path.join(REPO_ROOT, '../shared/corpus');
