import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('valid Rust the grammar rejects', () => {
  it('keeps every fact outside what it could not read, and reports each region as a warning at its line', async () => {
    const out = await extractFixture('rust-grammar-gaps');
    const findings = out['rust-syntax']!.findings;
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual([
      'warning parse-recovered src/edition2024.rs:1',
      'warning parse-recovered src/nightly.rs:3',
      'warning parse-recovered src/nightly.rs:6',
      'warning parse-recovered src/pattern_cfg.rs:12',
      'warning parse-recovered src/raw_ref.rs:10',
    ]);
    expect(findings.find((f) => f.file === 'src/raw_ref.rs')!.message).toContain('inside fn with_raw');
    // Never a claim that valid code is invalid.
    for (const f of findings) expect(`${f.message} ${f.hint}`).not.toMatch(/syntax error|fix the syntax/i);

    expect(factsOf(out, 'command-definition').map((d) => d.name)).toEqual(['after_extern_block', 'nightly_command', 'read_settings', 'before_raw', 'with_raw', 'after_raw']);
    expect(factsOf(out, 'emit').map((e) => [e.name, e.loc.line])).toEqual([
      ['settings:read', 13],
      ['raw:read', 11],
    ]);
    // Every command is registered and defined: the unreadable regions cost no false error.
    const facts = indexFacts(Object.values(out).flatMap((r) => r.facts));
    const errors = RULES.filter((r) => ['registered-not-defined', 'command-not-registered'].includes(r.id)).flatMap((r) => r.check({ facts }));
    expect(errors).toEqual([]);
    expect(out).toEqual(expectedOutput('rust-grammar-gaps'));
  });
});
