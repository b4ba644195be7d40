import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';
import { REPO_ROOT } from '../support/cli.js';

const fixtures = path.join(REPO_ROOT, 'test/fixtures/core');

describe('config discovery and formats', () => {
  it('finds the nearest config from a nested working directory upward', async () => {
    const loaded = await loadConfig({ cwd: path.join(fixtures, 'config-discovery/app/nested/deeper') });
    expect(loaded.file).toBe(path.join(fixtures, 'config-discovery/app/cutover.config.yaml'));
    expect(loaded.dir).toBe(path.join(fixtures, 'config-discovery/app'));
    expect(loaded.config.name).toBe('from-app-folder');
  });

  it('loads an explicit --config path relative to the working directory', async () => {
    const loaded = await loadConfig({ cwd: fixtures, configPath: 'config-discovery/app/cutover.config.yaml' });
    expect(loaded.config.name).toBe('from-app-folder');
  });

  it('reads ts, mjs, json and yaml configs to the same result', async () => {
    for (const kind of ['ts', 'mjs', 'json', 'yaml']) {
      const loaded = await loadConfig({ cwd: path.join(fixtures, 'config-formats', kind) });
      expect(path.basename(loaded.file)).toMatch(new RegExp(`\\.${kind}$`));
      expect(loaded.config).toEqual({ name: 'same' });
    }
  });

  it('says where it looked when there is no config', async () => {
    const err = await loadConfig({ cwd: '/' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain('no cutover config found in /');
    expect((err as ConfigError).hint).toContain('--config');
  });

  it('names a missing --config file', async () => {
    const err = await loadConfig({ cwd: fixtures, configPath: 'nope.yaml' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(`config file not found: ${path.join(fixtures, 'nope.yaml')}`);
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const err = await loadConfig({ cwd: path.join(fixtures, 'config-syntax-error') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    // "oops" is a key without a value: the error is where the value should be, the closing brace.
    expect((err as ConfigError).message).toMatch(/^not valid JSON at line 4, column 1: /);
    expect((err as ConfigError).location).toEqual({ file: path.join(fixtures, 'config-syntax-error/cutover.config.json'), line: 4, column: 1 });
  });
});
