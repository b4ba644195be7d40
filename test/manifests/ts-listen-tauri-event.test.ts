import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe("listen(TauriEvent.X): Tauri's enum of built-in events", () => {
  it('is read as the tauri://… name it stands for, imported by name, through the module namespace or the api root', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'ts-listen-tauri-event', 'cutover.config.json') })));
    expect(a.facts.listens.map((l) => `${l.name}@${l.loc.line}`)).toEqual(['tauri://focus@8', 'tauri://drag-drop@9', 'tauri://file-drop@10', 'tauri://blur@11']);
    // Built-in events need no emitter; a member Tauri does not declare stays unresolved.
    expect(runChecks(a).map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual(['warning unresolved-name src/window.ts:13']);
  });
});
