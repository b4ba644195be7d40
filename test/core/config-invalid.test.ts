import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';
import { REPO_ROOT, runBuiltCli } from '../support/cli.js';

const dir = path.join(REPO_ROOT, 'test/fixtures/core/config-invalid');

describe('an invalid config', () => {
  it('lists every error with its line, key path, what was expected and what was found', async () => {
    const err = await loadConfig({ cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const e = err as ConfigError;
    expect(e.message).toBe('3 config errors');
    expect(e.details).toHaveLength(3);
    expect(e.details.map((d) => d.replace(/^.*cutover\.config\.yaml/, 'cutover.config.yaml'))).toEqual([
      'cutover.config.yaml:2  nmae: unknown key; did you mean "name"?',
      'cutover.config.yaml:3  $schema: expected string, found number 42',
      `cutover.config.yaml:4  completelyUnknown: unknown key (known keys: ${Object.keys(configSchema().properties as object).join(', ')})`,
    ]);
  });

  it('makes the built CLI exit 2 and print all of them', async () => {
    const res = await runBuiltCli(['config'], { cwd: dir });
    expect(res.code).toBe(2);
    const known = Object.keys(configSchema().properties as object).join(', ');
    const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8').replace('<known>', known);
    expect(res.stderr).toBe(expected);
    expect(res.stdout).toBe('');
  });

  it('prints one JSON document with the errors under --json', async () => {
    const res = await runBuiltCli(['config', '--json'], { cwd: dir });
    expect(res.code).toBe(2);
    const doc = JSON.parse(res.stdout) as { ok: boolean; error: { code: string; details: string[] } };
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('config');
    expect(doc.error.details).toHaveLength(3);
  });
});
