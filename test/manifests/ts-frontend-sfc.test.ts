import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('.svelte and .vue single-file components', () => {
  it('reads their <script> blocks at the true line and column, and reports Tauri calls in their markup as unread', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'ts-frontend-sfc', 'cutover.config.json') })));
    const at = (f: { name?: string; loc: { file: string; line: number; column?: number } }) => `${f.name ?? ''}@${f.loc.file}:${f.loc.line}:${f.loc.column ?? 0}`;
    expect(a.facts.invokes.map(at)).toEqual(['stop_synk@src/App.svelte:9:11', 'open_panel@src/Panel.vue:21:20']);
    expect(a.facts.listens.map(at)).toEqual(['synk://status@src/Panel.vue:20:1']);
    const findings = runChecks(a).map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}:${f.column ?? 0} ${JSON.stringify(f.data)}`);
    expect(findings).toEqual([
      'error invoke-key-mismatch src/App.svelte:9:11 {"name":"stop_synk","missing":["reason"],"extra":["reazon"]}',
      // The template's calls cannot be followed; prose and CSS that merely say "invoke" are not calls.
      'warning unresolved-name src/App.svelte:16:25 {"name":"invoke(\'start_synk\')","role":"invoke"}',
      'warning unresolved-name src/Panel.vue:4:21 {"name":"emit(\'panel:closed\')","role":"emit"}',
    ]);
    const markup = runChecks(a).find((f) => f.id === 'unresolved-name');
    expect(markup?.hint).toContain("<script>");
  });
});
