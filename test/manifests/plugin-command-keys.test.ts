import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('invoke keys of plugin commands', () => {
  it('judges a bare invoke against the app’s command and plugin:<name>|<cmd> against the plugin’s', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'plugin-command-keys', 'cutover.config.json') })));
    const findings = runChecks(a).filter((f) => f.id !== 'event-not-listened');
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line} ${JSON.stringify(f.data)}`)).toEqual([
      'error invoke-key-mismatch src/app.ts:9 {"name":"plugin:window-state|save_state","missing":["windowLabel","flags"],"extra":["slot"]}',
      'error invoke-key-mismatch src/app.ts:11 {"name":"plugin:cliphist|get_history","missing":["limit"],"extra":["maxItems"]}',
      'error invoke-key-mismatch src/app.ts:15 {"name":"plugin:cliphist|clear_history","missing":["keep_pinned"],"extra":["keepPinned"]}',
    ]);
    expect(findings[1]!.message).toContain('src-tauri/src/cliphist/commands.rs:6');
    // The app's save_state and the plugin's are two commands, not one with two payloads.
    const entry = (name: string) => a.manifests.commands.commands.find((c) => c.name === name);
    expect(entry('save_state')?.producers.map((p) => p.path)).toEqual(['save_state']);
    expect(entry('plugin:window-state|save_state')?.producers.map((p) => p.path)).toEqual(['window_state::save_state']);
  });
});
