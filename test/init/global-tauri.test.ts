import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { detect } from '../../init/src/detect.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { REPO_ROOT } from '../support/cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/init/global-tauri');

describe('cutover init on the vanilla template (withGlobalTauri, window.__TAURI__ in src/main.js)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('finds the frontend by its use of the global, with a glob for the .js it is written in, and check then reads it', async () => {
    const d = await detect(FIXTURE);
    expect(d.frontend).toEqual([{ glob: 'src/**/*.js', because: 'src/main.js uses the global __TAURI__' }]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-global-tauri-'));
    const configPath = path.join(dir, 'cutover.config.json');
    fs.writeFileSync(configPath, JSON.stringify({ manifests: { root: FIXTURE, cache: false, rust: { include: d.rustGlobs }, frontend: { include: d.frontend.map((f) => f.glob) } } }));
    const a = await analyze(manifestOptions(await loadConfig({ configPath })));
    expect(a.facts.invokes.map((i) => `${i.name} ${i.loc.file}:${i.loc.line}`)).toEqual(['greet src/main.js:8']);
    expect(a.facts.listens.map((l) => `${l.name} ${l.loc.file}:${l.loc.line}`)).toEqual(['greeted src/main.js:18']);
    expect(runChecks(a)).toEqual([]);
  });

  it('check left at the default frontend globs reads the .js too; where they match nothing, check says the frontend was not read', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-global-tauri-'));
    const configPath = path.join(dir, 'cutover.config.json');
    fs.writeFileSync(configPath, JSON.stringify({ manifests: { root: FIXTURE, cache: false, rust: { include: ['src-tauri/src/**/*.rs'] } } }));
    const a = await analyze(manifestOptions(await loadConfig({ configPath })));
    expect(a.facts.invokes.map((i) => `${i.name} ${i.loc.file}:${i.loc.line}`)).toEqual(['greet src/main.js:8']);
    expect(runChecks(a)).toEqual([]);

    // The same app with its frontend somewhere the default does not look.
    const app = path.join(dir, 'app');
    fs.cpSync(path.join(FIXTURE, 'src-tauri'), path.join(app, 'src-tauri'), { recursive: true });
    fs.cpSync(path.join(FIXTURE, 'src'), path.join(app, 'web'), { recursive: true });
    fs.writeFileSync(configPath, JSON.stringify({ manifests: { root: app, cache: false, rust: { include: ['src-tauri/src/**/*.rs'] } } }));
    const elsewhere = await analyze(manifestOptions(await loadConfig({ configPath })));
    const found = runChecks(elsewhere).filter((f) => f.id === 'nothing-extracted');
    expect(found.map((f) => `${f.severity} ${f.message}`)).toEqual([
      'warning found nothing in manifests.frontend.include (src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte}, the default): no file matched, so the frontend layer is not checked',
    ]);
  });
});
