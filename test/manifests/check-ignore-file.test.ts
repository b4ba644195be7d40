import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { FIXTURES } from './ts-fixture.js';

describe('manifests.check.ignore with a file or glob', () => {
  it('leaves out the findings located there (all, or only the id given), while their facts are still extracted', async () => {
    const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(FIXTURES, 'check-ignore-file', 'cutover.config.json') })));
    const findings = runChecks(a);
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual([
      // legacy.rs: only its parse-recovered is accepted; the unregistered command is still an error.
      'error command-not-registered src-tauri/src/legacy.rs:2',
      'warning parse-recovered src-tauri/src/other.rs:4',
    ]);
    // The generated file is still read: its command is defined and registered.
    expect(a.facts.definitions.map((d) => d.path)).toEqual(['gen::bindings::generated_command', 'legacy::forgotten', 'other::other_command']);
  });
});
