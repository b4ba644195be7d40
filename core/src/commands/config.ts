import path from 'node:path';
import { CONFIG_SCHEMA_FILE as SCHEMA_FILE } from '../schemas.js';
import { packageRoot } from '../paths.js';
import type { Verb } from '../cli/verb.js';

export const configVerb: Verb = {
  name: 'config',
  summary: 'Print the resolved configuration (exit 2 with every error when it is invalid)',
  description: `Finds the config (cutover.config.{ts,mjs,json,yaml} from the working directory up, or --config),
validates it against the JSON Schema and prints it with every path resolved from the config file's folder.
Secret values (secret-named keys and env vars, flag arguments, URL passwords) are masked as [REDACTED],
and their key paths listed. The schema ships at ${SCHEMA_FILE} in the package; point "$schema" at it for editor completion.`,
  options: {
    'schema-path': { type: 'boolean', description: 'Print the path of the config JSON Schema and exit' },
  },
  examples: ['cutover config', 'cutover config --json', 'cutover config --config examples/cowork/cutover.config.ts'],
  async run(ctx) {
    if (ctx.values['schema-path']) {
      ctx.out.stdout.write(`${path.join(packageRoot(), SCHEMA_FILE)}\n`);
      return 0;
    }
    const { redactValue } = await import('../redact/value.js');
    const loaded = await ctx.loadConfig();
    const config = redactValue(loaded.config);
    const masked = changedPaths(loaded.config, config);
    if (ctx.out.json) {
      ctx.out.printJson({ ok: true, file: loaded.file, dir: loaded.dir, config, masked });
      return 0;
    }
    ctx.out.print(ctx.out.style.dim(`# ${path.relative(ctx.cwd, loaded.file) || loaded.file} (valid)`));
    if (masked.length) ctx.out.print(ctx.out.style.dim(`# ${masked.length} secret value${masked.length === 1 ? '' : 's'} masked: ${masked.join(', ')}`));
    ctx.out.print(JSON.stringify(config, null, 2));
    return 0;
  },
};

/** Key paths where redaction changed a value: what `config` says it masked. */
function changedPaths(before: unknown, after: unknown, at = ''): string[] {
  if (before === after) return [];
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    return Object.keys(before).flatMap((k) => changedPaths((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], Array.isArray(before) ? `${at}[${k}]` : at ? `${at}.${k}` : k));
  }
  return [at];
}
