import type { Verb } from '../../../core/src/cli/verb.js';
import { UsageError } from '../../../core/src/errors.js';

const FORMATS = ['text', 'github', 'json'];

export const matrixPlanVerb: Verb = {
  name: 'plan',
  summary: 'Split the matrix into CI jobs: one per operating system and shard',
  description: `Prints the jobs that together run every applicable cell. --format github prints the one-line
{"include":[…]} that a GitHub Actions job publishes as an output and a later job's strategy.matrix reads
with fromJSON; each job then runs \`cutover matrix run --shard <shard>\` on its runner.`,
  options: {
    format: { type: 'string', valueName: 'FORMAT', description: `Output format: ${FORMATS.join(', ')}`, default: 'text' },
    shards: { type: 'integer', min: 1, description: 'Jobs per operating system (default: matrix.shardsPerOs, else 1)' },
  },
  examples: ['cutover matrix plan', 'echo "matrix=$(cutover matrix plan --format github)" >> "$GITHUB_OUTPUT"'],
  async run(ctx) {
    const { loadMatrixFile } = await import('../matrix-file/load.js');
    const { githubMatrix, planJobs } = await import('../plan/plan.js');
    const { matrixSettings, requireMatrixFile } = await import('../settings.js');
    const format = ctx.out.json ? 'json' : String(ctx.values.format ?? 'text');
    if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}"`, { hint: `Use one of ${FORMATS.join(', ')}.` });
    const shards = ctx.values.shards as number | undefined;
    const loaded = await ctx.loadConfig();
    const settings = matrixSettings(loaded);
    const matrix = loadMatrixFile(requireMatrixFile(loaded));
    const jobs = planJobs(matrix, settings, shards);
    if (format === 'github') {
      ctx.out.stdout.write(`${githubMatrix(jobs)}\n`);
      return 0;
    }
    if (format === 'json') {
      ctx.out.printJson({ ok: true, jobs });
      return 0;
    }
    for (const j of jobs) ctx.out.print(`${j.name.padEnd(14)} ${ctx.out.style.dim(j.runner.padEnd(16))} matrix run --shard ${j.shard}   rows: ${j.rows.join(', ')}`);
    ctx.out.print(`${jobs.length} job(s)`);
    return 0;
  },
};
