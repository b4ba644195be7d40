import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('a frontend emit whose name is not known statically (tauri-specta’s events)', () => {
  it('is reported with a hint for the frontend, not the sidecar’s emitters option', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'ts-frontend-emit-unresolved', 'cutover.config.json') })));
    const found = runChecks(a).filter((f) => f.id === 'unresolved-name');
    expect(found.map((f) => `${f.data?.role as string} ${f.file}:${f.line}`)).toEqual(['listen src/bindings.ts:14', 'emit src/bindings.ts:15']);
    const emit = found.find((f) => f.data?.role === 'emit')!;
    expect(emit.hint).not.toContain('sidecar');
    expect(emit.hint).toContain('manifests.check.ignore');
  });
});
