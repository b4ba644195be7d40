import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

/** Packages (CommonJS ones show in the module cache) loaded by importing a built module in a fresh node. */
function packagesLoadedBy(...modules: string[]): string[] {
  const script = `
    for (const m of ${JSON.stringify(modules.map((m) => path.join(REPO_ROOT, 'dist', m)))}) await import(m);
    const { createRequire } = await import('node:module');
    const cache = createRequire(import.meta.url).cache;
    const names = Object.keys(cache).filter((k) => k.includes('node_modules')).map((k) => k.split('node_modules/').pop().split('/').slice(0, 2).join('/'));
    console.log(JSON.stringify([...new Set(names)].sort()));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
}

describe('CLI start-up', () => {
  it('declares every verb without loading a third-party package: implementations load when a verb runs', () => {
    expect(packagesLoadedBy('cli.js')).toEqual([]);
  });

  it('the check is real: loading the config does load its packages', () => {
    expect(packagesLoadedBy('core/src/config/index.js').join(' ')).toMatch(/ajv/);
  });
});
