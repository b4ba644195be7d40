import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { InternalError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { VALIDATORS_DIR } from './shipped.js';

const require = createRequire(import.meta.url);

/** A validator compiled ahead of time from a shipped schema (see shipped.ts); `part` names one of its parts. */
export function shippedValidator(name: string, part?: string): ValidateFunction {
  const file = path.join(packageRoot(), VALIDATORS_DIR, `${name}.cjs`);
  let mod: Record<string, ValidateFunction> & ValidateFunction;
  try {
    mod = require(file) as typeof mod;
  } catch (e) {
    throw new InternalError(`the compiled validator ${path.relative(packageRoot(), file)} cannot be loaded: ${(e as Error).message}`, {
      hint: 'Reinstall cutover; in a checkout, run `pnpm gen:validators`.',
      cause: e,
    });
  }
  const fn = part === undefined ? mod : mod[part];
  if (typeof fn !== 'function') throw new InternalError(`the compiled validator ${name} has no ${part ?? 'default'} export`, { hint: 'Run `pnpm gen:validators`.' });
  return fn;
}
