import type { LoadedConfig } from '../config/index.js';
import type { Output } from '../output.js';

export interface OptionSpec {
  /** `integer`: a whole number within `min`/`max`, parsed before the verb runs (its value is a number). */
  type: 'string' | 'boolean' | 'integer';
  min?: number;
  max?: number;
  short?: string;
  multiple?: boolean;
  description: string;
  /** Shown in help: `--filter EXPR`. */
  valueName?: string;
  default?: string | boolean | string[];
}

export interface PositionalSpec {
  name: string;
  description: string;
  required?: boolean;
  variadic?: boolean;
}

export type OptionValues = Record<string, string | boolean | string[] | number | undefined>;

export interface VerbContext {
  values: OptionValues;
  positionals: string[];
  out: Output;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The `--config` path, if one was given. */
  configPath: string | undefined;
  /** Loads and validates the config (throws ConfigError with every problem). */
  loadConfig(): Promise<LoadedConfig>;
}

/**
 * One CLI verb. A verb with `subverbs` is a group (`cutover evidence new|lint`).
 * `run` returns the exit code for a completed run: 0 clean, 1 findings / BLOCK.
 * Usage, config and target failures are thrown as coded errors and mapped by the entry.
 */
export interface Verb {
  name: string;
  summary: string;
  description?: string;
  positionals?: PositionalSpec[];
  options?: Record<string, OptionSpec>;
  examples?: string[];
  subverbs?: Verb[];
  run?: (ctx: VerbContext) => Promise<number>;
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  config: { type: 'string', valueName: 'FILE', description: 'Config file (default: cutover.config.* found from the working directory up)' },
  json: { type: 'boolean', description: 'Machine-readable output on stdout' },
  debug: { type: 'boolean', description: 'Show stack traces and internal detail' },
  'no-color': { type: 'boolean', description: 'No colour (also: NO_COLOR=1; colour is only ever used on a terminal)' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
};
