import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture } from './rust-fixture.js';

const invoke = (name: string, line: number): Fact => ({ kind: 'invoke', name, loc: { file: 'src/app.ts', line } });

describe('an .invoke_handler(…) no list cutover reads feeds', () => {
  it('gives one unresolved-registration warning at the call', async () => {
    const out = await extractFixture('rust-opaque-handler');
    const findings = Object.values(out).flatMap((r) => r.findings);
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual(['warning unresolved-registration src/main.rs:11']);
    expect(findings[0]!.message).toContain('.invoke_handler(ipc::router())');
    expect(out).toEqual(expectedOutput('rust-opaque-handler'));
  });

  it('turns command-not-registered and unregistered-invoke into warnings that say registration could not be followed', async () => {
    const out = await extractFixture('rust-opaque-handler');
    const facts = indexFacts([...Object.values(out).flatMap((r) => r.facts), invoke('ping', 1), invoke('nowhere', 2)]);
    const found = RULES.flatMap((r) => r.check({ facts }));
    expect(found.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual([
      'warning unregistered-invoke src/app.ts:1',
      'error unregistered-invoke src/app.ts:2',
      'warning command-not-registered src/main.rs:4',
    ]);
    expect(found[0]!.message).toContain('registration could not be followed: .invoke_handler(…) at src/main.rs:11');
    // Reported once, by the extractor: no unresolved-name besides it.
    expect(found.some((f) => f.id === 'unresolved-name')).toBe(false);
  });
});
