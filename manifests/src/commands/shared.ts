/** What the manifests verbs share: config → options → analysis, and the options they all take. */
import path from 'node:path';
import type { OptionSpec, VerbContext } from '../../../core/src/cli/verb.js';
import type { Analysis } from '../project/analyze.js';

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  'no-locations': { type: 'boolean', description: 'Leave file:line of producers and consumers out of the manifests (also: manifests.locations: false)' },
  'no-cache': { type: 'boolean', description: 'Ignore the content-hash cache and parse every file' },
};

/** Config → options → analysis, with progress and a heartbeat on stderr while it runs (`verb` names it). */
export async function prepare(ctx: VerbContext, verb = 'manifests'): Promise<Analysis> {
  const { manifestOptions } = await import('../options.js');
  const { analyze } = await import('../project/analyze.js');
  const loaded = await ctx.loadConfig();
  const options = manifestOptions(loaded, {
    ...(ctx.values['no-locations'] === true ? { locations: false } : {}),
    ...(ctx.values['no-cache'] === true ? { cache: false } : {}),
  });
  const started = performance.now();
  const { startProgress } = await import('../../../core/src/progress.js');
  const progress = startProgress(ctx.out, `cutover ${verb}`, { env: ctx.env });
  progress.step('reading the sources');
  let a: Analysis;
  try {
    a = await analyze(options, {
      onProgress: (line) => {
        progress.step(line);
        if (ctx.out.debug) ctx.out.info(ctx.out.style.dim(line));
      },
    });
  } finally {
    progress.stop();
  }
  const { stats } = a.extraction;
  const total = stats.files.rust + stats.files.sidecar + stats.files.frontend;
  const parsed = Object.values(stats.extracted).reduce((x, y) => Math.max(x, y), 0);
  ctx.out.info(
    ctx.out.style.dim(
      `cutover: read ${total} source file(s) under ${path.relative(ctx.cwd, options.root) || '.'} (rust ${stats.files.rust}, sidecar ${stats.files.sidecar}, frontend ${stats.files.frontend}); ${parsed === 0 ? 'all from cache' : `parsed up to ${parsed}`} in ${Math.round(performance.now() - started)} ms`,
    ),
  );
  if (stats.cacheProblem) ctx.out.info(ctx.out.style.yellow(`cutover: ${stats.cacheProblem}`));
  for (const g of ['rust', 'sidecar', 'frontend'] as const) {
    const spec = options.groups[g];
    if (stats.files[g] === 0) ctx.out.info(ctx.out.style.yellow(`cutover: found nothing in manifests.${g}.include (${spec.configured ? '' : 'default '}${spec.include.join(', ')}); the ${g} layer is left out`));
  }
  return a;
}

/** Paths for people: relative to where cutover runs. */
export function display(ctx: VerbContext, file: string): string {
  return path.relative(ctx.cwd, file) || file;
}
