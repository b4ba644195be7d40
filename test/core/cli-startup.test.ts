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
    expect(packagesLoadedBy('core/src/config/index.js').join(' ')).toMatch(/yaml/);
  });

  it('loading a config and linting evidence do not load ajv\'s compiler or the template engine (precompiled validators, templates only when writing)', () => {
    const files = (script: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', `${script}\nconst { createRequire } = await import('node:module'); console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`], {
          encoding: 'utf8',
          cwd: REPO_ROOT,
        }),
      ) as string[];
    const dist = (m: string) => JSON.stringify(path.join(REPO_ROOT, 'dist', m));
    const used = files(
      `const { loadConfig } = await import(${dist('core/src/config/index.js')});
       const loaded = await loadConfig({ cwd: ${JSON.stringify(path.join(REPO_ROOT, 'test/fixtures/evidence/lint-valid'))}, configPath: 'cutover.config.json' });
       const { loadTasks } = await import(${dist('core/src/tasks/index.js')});
       const { lintEvidence } = await import(${dist('evidence/src/index.js')});
       await lintEvidence(loaded, (await loadTasks(loaded)).tasks);`,
    );
    expect(used.some((f) => f.includes('schema/validators/config.cjs'))).toBe(true);
    expect(used.filter((f) => /ajv\/dist\/(ajv|core)\.js$|mustache|jsonc-parser/.test(f))).toEqual([]);
    // The check is real: compiling a schema does load the compiler.
    expect(files(`(await import(${dist('core/src/config/validate.js')})).createAjv();`).some((f) => /ajv\/dist\/ajv\.js$/.test(f))).toBe(true);
  });
});
