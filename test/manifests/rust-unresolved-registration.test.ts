import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

const invoke = (name: string, line: number): Fact => ({ kind: 'invoke', name, loc: { file: 'src/app.ts', line } });

describe('generate_handler! entries that cannot be followed', () => {
  it('give exactly one unresolved-registration warning each, never registered-not-defined + command-not-registered + unregistered-invoke', async () => {
    const out = await extractFixture('rust-unresolved-registration');
    const findings = Object.values(out).flatMap((r) => r.findings);
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line} ${f.data?.name as string}`)).toEqual([
      'warning unresolved-registration src/main.rs:10 read_text',
      'warning unresolved-registration src/main.rs:11 made_by_macro',
      'warning unresolved-registration src/main.rs:12 hidden_command',
      'warning unresolved-registration src/main.rs:13 from_elsewhere',
    ]);
    expect(findings[0]!.message).toContain('tauri_plugin_clipboard');
    expect(findings[1]!.message).toContain('make_commands!');
    expect(findings[2]!.message).toContain('src/not_scanned.rs or src/not_scanned/mod.rs');
    expect(findings[3]!.message).toContain('some_external_crate::*');

    // The frontend calls them; the only error left is the real defect: a misspelt entry in a module read in full.
    const facts = indexFacts([...Object.values(out).flatMap((r) => r.facts), invoke('read_text', 1), invoke('made_by_macro', 2), invoke('hidden_command', 3), invoke('from_elsewhere', 4), invoke('open', 5)]);
    const errors = RULES.flatMap((r) => r.check({ facts }));
    expect(errors.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual(['error registered-not-defined src/main.rs:15']);
    expect(errors[0]!.message).toContain('did you mean "open"?');
    expect(out).toEqual(expectedOutput('rust-unresolved-registration'));
  });
});
