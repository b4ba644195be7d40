import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.js';
import { learnSecrets } from '../redact/learn.js';
import { registerSecretNames } from '../redact/registry.js';
import { discoverConfig, CONFIG_NAMES } from './discover.js';
import { readConfigFile } from './read-file.js';
import { resolvePaths } from './resolve-paths.js';
import { validateWith } from './validate.js';
import { shippedValidator } from '../validators/load.js';
import type { CutoverConfig } from './types.generated.js';
import { CONFIG_SCHEMA_FILE, readShippedSchema } from '../schemas.js';

export type { CutoverConfig } from './types.generated.js';

/** Identity at run time; gives a config file full typing and editor completion. */
export function defineConfig(config: CutoverConfig): CutoverConfig {
  return config;
}

export interface LoadedConfig {
  /** Absolute path of the file the config came from. */
  file: string;
  /** Its folder: every relative path in the config resolves from here. */
  dir: string;
  config: CutoverConfig;
  /** The line of a key path in the config file, when the file kind has lines (JSON, YAML): for checks made after loading. */
  lineOf?: (segments: readonly (string | number)[]) => number | undefined;
}

let validator: { validate: ValidateFunction; schema: Record<string, unknown> } | undefined;

export function configSchema(): Record<string, unknown> {
  return loadValidator().schema;
}

function loadValidator() {
  if (!validator) {
    const schema = readShippedSchema(CONFIG_SCHEMA_FILE);
    // The schema still matters at run time: its path keyword says which values are paths.
    validator = { schema, validate: shippedValidator('config') };
  }
  return validator;
}

export interface LoadConfigOptions {
  cwd?: string;
  /** An explicit `--config` path; otherwise discovered from `cwd` upward. */
  configPath?: string;
}

export async function loadConfig(opts: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = opts.cwd ?? process.cwd();
  const file = opts.configPath ? path.resolve(cwd, opts.configPath) : discoverConfig(cwd);
  if (!file) {
    throw new ConfigError(`no cutover config found in ${cwd} or any folder above it`, {
      hint: `Create one of ${CONFIG_NAMES.slice(0, 1).concat(CONFIG_NAMES.slice(4, 6)).join(', ')} (see the README's Config section), or pass --config FILE.`,
    });
  }
  if (!fs.existsSync(file)) {
    throw new ConfigError(`config file not found: ${file}`, { hint: 'Check the --config path.' });
  }
  const raw = await readConfigFile(file);
  return validateConfig(raw.data, file, raw.lineOf);
}

/** Validates config data from any source; every problem is reported at once with its key path. */
export function validateConfig(
  data: unknown,
  file: string,
  lineOf: (segments: readonly (string | number)[]) => number | undefined = () => undefined,
): LoadedConfig {
  const { validate, schema } = loadValidator();
  const problems = validateWith(validate, data);
  if (problems.length) {
    const rel = path.relative(process.cwd(), file) || file;
    // In file order, so the list reads top to bottom like the file.
    const located = problems.map((p) => ({ ...p, line: lineOf(p.segments) }));
    located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || a.keyPath.localeCompare(b.keyPath));
    const details = located.map((p) => `${rel}${p.line ? `:${p.line}` : ''}  ${p.keyPath}: ${p.message}`);
    throw new ConfigError(`${problems.length} config error${problems.length === 1 ? '' : 's'}`, {
      location: { file },
      details,
      hint: 'Fix each key listed; `cutover config --help` shows where the schema is.',
    });
  }
  const dir = path.dirname(file);
  const config = resolvePaths(data, schema, dir) as CutoverConfig;
  // Known before anything runs: the config's secret names, and the secrets it hands to targets
  // (env vars, flags, URLs), so whatever a target echoes of them is scrubbed.
  registerSecretNames({ extra: config.redact?.keys ?? [], keep: config.redact?.keep ?? [] });
  learnSecrets(config);
  return { file, dir, config, lineOf };
}
