import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('one command defined once per #[cfg] (per-OS variants)', () => {
  it('is one command, guarded by any(…) of the variants, a key only some take being optional', async () => {
    const out = await extractFixture('rust-cfg-variants');
    const defs = factsOf(out, 'command-definition');
    expect(defs.map((d) => [d.path, d.cfg, d.loc.line])).toEqual([
      ['ocr::system_ocr', 'any(target_os = "windows", target_os = "macos", target_os = "linux")', 4],
      ['ocr::imp::open_path', 'any(unix, windows)', 24],
    ]);
    expect(defs[0]!.params.map((p) => [p.key, p.required])).toEqual([
      ['lang', true],
      ['engine', false],
    ]);
    const facts = indexFacts(Object.values(out).flatMap((r) => r.facts));
    expect(RULES.flatMap((r) => r.check({ facts }))).toEqual([]);
    expect(out).toEqual(expectedOutput('rust-cfg-variants'));
  });
});
