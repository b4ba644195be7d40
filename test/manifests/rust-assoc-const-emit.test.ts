import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('event names from associated consts, and emits whose name is a parameter', () => {
  it('resolves Type::NAME and Self::NAME to the const of that type\'s impl, never a same-named const elsewhere', async () => {
    const out = await extractFixture('rust-assoc-const-emit');
    // Calls of the crate's own helper named like Tauri's emit come first (a helper of another name is not followed).
    expect(factsOf(out, 'emit').map((e) => `${e.name} ${e.loc.line}`)).toEqual([
      'via-emit-helper 48',
      'record-saved 14',
      'record-deleted 15',
      'module-saved 27',
      'other-saved 28',
      'record-saved 29',
    ]);
    expect(factsOf(out, 'unresolved').map((u) => `${u.expression} ${u.loc.line}: ${u.reason}`)).toEqual([
      'Missing::SAVED 30: not a constant declared in the parsed crate',
      'name 35: parameter `name` of fn send_event: the name is whatever its callers pass',
    ]);
    expect(out).toEqual(expectedOutput('rust-assoc-const-emit'));
  });

  it("gives a Rust emit's unresolved-name a Rust hint, not the sidecar's emitters option", async () => {
    const out = await extractFixture('rust-assoc-const-emit');
    const facts = indexFacts(Object.values(out).flatMap((r) => r.facts));
    const found = RULES.flatMap((r) => r.check({ facts })).filter((f) => f.id === 'unresolved-name');
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.hint).not.toContain('manifests.sidecar.emitters');
      expect(f.hint).toContain("manifests.check.ignore ({ id: 'unresolved-name', file: 'src/main.rs'");
    }
    expect(found[1]!.hint).toContain('known only at run time');
  });
});
