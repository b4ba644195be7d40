import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('a source group that gives nothing says so', () => {
  it('a configured group whose globs match no file, and groups whose files give no fact, are warnings naming the group and its globs', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'nothing-extracted/cutover.config.json') })));
    const found = runChecks(a).filter((f) => f.id === 'nothing-extracted');
    expect(found.map((f) => `${f.severity} ${f.data?.group as string}: ${f.message}`)).toEqual([
      'warning sidecar: found nothing in manifests.sidecar.include (sidecar/**/*.ts): no file matched, so the sidecar layer is not checked',
      'warning frontend: manifests.frontend.include (src/**/*.ts) matched 1 file(s), but nothing was extracted from them: no invoke, listen or emit of Tauri',
      'warning rust: manifests.rust.include (src-tauri/src/**/*.rs) matched 1 file(s), but nothing was extracted from them: no #[tauri::command], generate_handler![…], forward or emit',
    ]);
    expect(found.every((f) => f.hint)).toBe(true);
  });

  it('a group left at its default globs that matches nothing is no finding (most apps have no sidecar)', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'app-mini/cutover.config.json') })));
    expect(runChecks(a).filter((f) => f.id === 'nothing-extracted')).toEqual([]);
  });
});
