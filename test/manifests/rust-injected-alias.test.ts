import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

const invoke = (name: string, keys: string[], line: number): Fact => ({ kind: 'invoke', name, keys, loc: { file: 'src/app.ts', line } });

describe('parameters Tauri injects, through type aliases and scopes', () => {
  it('leaves out aliases of tauri::State (through use, paths and aliases of aliases), CommandScope and GlobalScope', async () => {
    const out = await extractFixture('rust-injected-alias');
    expect(command(out, 'with_alias_state').params.map((p) => p.key)).toEqual(['prefix']);
    expect(command(out, 'with_path_alias').params).toEqual([]);
    expect(command(out, 'scoped').params.map((p) => p.key)).toEqual(['x']);
    expect(command(out, 'with_payload_alias').params).toMatchObject([{ key: 'id', required: true, schema: { type: 'string' } }]);
    expect(command(out, 'with_payload_alias').params[0]!.mayBeInjected).toBeUndefined();
    // No unknown-type for the injected types: their schemas are never built.
    const findings = Object.values(out).flatMap((r) => r.findings);
    expect(findings.map((f) => `${f.id} ${f.data?.type as string}`)).toEqual(['unknown-type shared::CacheState<\'_>']);
    expect(out).toEqual(expectedOutput('rust-injected-alias'));
  });

  it('judges a parameter whose type cannot be followed and may be injected as a warning, whose hint names manifests.rust.injectedTypes', async () => {
    const out = await extractFixture('rust-injected-alias');
    expect(command(out, 'with_foreign_state').params[0]).toMatchObject({ key: 'cache', required: true });
    expect(command(out, 'with_foreign_state').params[0]!.mayBeInjected).toContain("shared::CacheState<'_>");
    const facts = indexFacts([
      ...Object.values(out).flatMap((r) => r.facts),
      invoke('with_alias_state', ['prefix'], 1),
      invoke('scoped', ['x'], 2),
      invoke('with_foreign_state', ['key'], 3),
      invoke('with_payload_alias', [], 4),
    ]);
    const found = RULES.flatMap((r) => r.check({ facts })).filter((f) => f.id === 'invoke-key-mismatch');
    expect(found.map((f) => `${f.severity} ${f.file}:${f.line}`)).toEqual(['warning src/app.ts:3', 'error src/app.ts:4']);
    expect(found[0]!.message).toContain('missing cache, which Tauri may fill in itself');
    for (const f of found) expect(f.hint).toContain('manifests.rust.injectedTypes');
  });
});
