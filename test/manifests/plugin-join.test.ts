import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('Tauri plugins in the sources', () => {
  it('join invoke("plugin:<name>|<cmd>") to the plugin’s own generate_handler!', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'plugin-join', 'cutover.config.json') })));
    expect(a.facts.registrations.map((r) => [r.plugin ?? 'app', r.name, r.path])).toEqual([
      // A plugin named by a function call: its command is checked as the app's, and a warning says why.
      ['app', 'ping', 'dynamic_plugin::ping'],
      ['license', 'check', 'tauri_plugin_license::commands::check'],
      ['license', 'activate', 'tauri_plugin_license::commands::activate'],
      ['window-tools', 'set_title', 'window_tools::set_title'],
      ['app', 'greet', 'demo::commands::greet'],
    ]);
    // In commands.json a plugin's command is the name the frontend invokes, so the two meet.
    const entry = a.manifests.commands.commands.find((c) => c.name === 'plugin:license|check');
    expect(entry?.producers.map((p) => p.path)).toEqual(['tauri_plugin_license::commands::check']);
    expect(entry?.consumers.map((c) => `${c.kind} ${c.file}:${c.line}`)).toEqual(['invoke src/app.ts:5']);
    const findings = runChecks(a).filter((f) => f.severity === 'error');
    // A typo in a plugin command, and a bare invoke of a command only a plugin registers; the
    // dialog plugin is not in the sources, so its invoke is not judged.
    expect(findings.map((f) => `${f.id} ${f.file}:${f.line}`)).toEqual(['unregistered-invoke src/app.ts:6', 'unregistered-invoke src/app.ts:8']);
    expect(findings[0]!.message).toContain('did you mean "activate"?');
    expect(findings[1]!.message).toContain('plugin:license|check');
    expect(runChecks(a).filter((f) => f.id === 'unresolved-registration').map((f) => `${f.severity} ${f.file}:${f.line}`)).toEqual(['warning plugins/dynamic/src/lib.rs:11']);
  });
});
