import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('one config over a workspace of two Tauri apps', () => {
  it('keeps same-named commands of different apps apart, says once that the config covers both, and still finds a conflict within one app', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'several-apps', 'cutover.config.json') })));
    // Each app handler's entries carry the crate that builds the app; a library crate is none.
    expect(a.facts.registrations.map((r) => [r.app, r.name, r.path])).toEqual([
      ['desktop_lib', 'rpc', 'desktop_lib::rpc'],
      ['desktop_lib', 'status', 'desktop_lib::status::status'],
      ['desktop_lib', 'status', 'settings::status'],
      ['proxy', 'rpc', 'proxy::rpc'],
    ]);
    const findings = runChecks(a);
    const summary = findings.filter((f) => f.id !== 'event-not-listened').map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`);
    expect(summary).toEqual([
      // Neither app's rpc takes {command}: judged against the closest (the desktop's: cmd missing).
      'error invoke-key-mismatch apps/proxy/web/api.ts:9',
      // Two payloads for `status` in the desktop app's own handler: a real conflict, still an error.
      'error conflicting-payload crates/settings/src/lib.rs:3',
      'warning several-apps apps/proxy/src/main.rs:12',
    ]);
    const conflict = findings.find((f) => f.id === 'conflicting-payload')!;
    expect(conflict.message).toContain("Tauri command of the app desktop_lib 'status'");
    const mismatch = findings.find((f) => f.id === 'invoke-key-mismatch')!;
    expect(mismatch.message).toContain('apps/desktop/src/lib.rs:7');
    expect(mismatch.message).toContain('the closest of the 2 commands of that name');
    const several = findings.find((f) => f.id === 'several-apps')!;
    expect(several.data?.apps).toEqual(['desktop_lib', 'proxy']);
    expect(several.message).toContain('desktop_lib (generate_handler! at apps/desktop/src/lib.rs:14), proxy (generate_handler! at apps/proxy/src/main.rs:12)');
    expect(several.hint).toContain('one config per app');
  });
});
