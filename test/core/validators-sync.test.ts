import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../core/src/config/validate.js';
import { generateValidator } from '../../core/src/validators/generate.js';
import { shippedValidator } from '../../core/src/validators/load.js';
import { SHIPPED_VALIDATORS, VALIDATORS_DIR } from '../../core/src/validators/shipped.js';
import { REPO_ROOT } from '../support/cli.js';

describe('validators compiled ahead of time', () => {
  it.each(SHIPPED_VALIDATORS.map((v) => [v.name, v] as const))('%s is what its schema compiles to (run `pnpm gen:validators` if this fails)', (_name, v) => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, VALIDATORS_DIR, `${v.name}.cjs`), 'utf8');
    expect(committed).toBe(generateValidator(REPO_ROOT, v));
  });

  it('every compiled file belongs to a shipped schema', () => {
    const files = fs.readdirSync(path.join(REPO_ROOT, VALIDATORS_DIR)).sort();
    expect(files).toEqual(SHIPPED_VALIDATORS.map((v) => `${v.name}.cjs`).sort());
  });

  it('reports what compiling at run time reports, errors and all', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema/cutover.config.schema.json'), 'utf8')) as object;
    const runtime = createAjv().compile(schema);
    const shipped = shippedValidator('config');
    const inputs = [{}, { name: 'x', harness: { new: { transport: 'sockt' } }, nope: 1 }, { manifests: { rust: { include: 3 } } }, { matrix: { file: ['a'] }, gate: { top: -1 } }];
    for (const input of inputs) {
      expect(shipped(input)).toBe(runtime(input));
      expect(shipped.errors ?? null).toEqual(runtime.errors ?? null);
    }
    expect(shipped(inputs[1])).toBe(false);
  });

  it('a missing part is an internal error that says what to run', () => {
    expect(() => shippedValidator('trace', 'nope')).toThrow(/no nope export/);
    expect(() => shippedValidator('no-such')).toThrow(/cannot be loaded/);
  });
});
