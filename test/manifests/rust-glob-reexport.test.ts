import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('commands re-exported by glob (pub use self::app::*)', () => {
  it('are followed from generate_handler![cmd::x] to the module that defines them, through globs of globs', async () => {
    const out = await extractFixture('rust-glob-reexport');
    expect(factsOf(out, 'command-registration').map((r) => [r.name, r.path, r.unresolved ?? null])).toEqual([
      ['get_config', 'cmd::app::config::get_config', null],
      ['save_config', 'cmd::app::config::save_config', null],
      ['window_title', 'cmd::window::window_title', null],
      ['nested_deep', 'cmd::app::deep::nested_deep', null],
      ['from_super_glob', 'helpers::from_super_glob', null],
    ]);
    // The registration names the defined function exactly, so no rule has anything to say,
    // except about the same-named command nothing registers.
    const facts = indexFacts(Object.values(out).flatMap((r) => r.facts));
    const findings = RULES.filter((r) => ['registered-not-defined', 'command-not-registered'].includes(r.id)).flatMap((r) => r.check({ facts }));
    expect(findings.map((f) => `${f.id} ${f.file}:${f.line}`)).toEqual(['command-not-registered src/cmd/window.rs:9']);
    expect(out).toEqual(expectedOutput('rust-glob-reexport'));
  });
});
