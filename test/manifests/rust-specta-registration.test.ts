import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

const invoke = (name: string, line: number): Fact => ({ kind: 'invoke', name, loc: { file: 'src/app.ts', line } });

describe("tauri-specta's collect_commands![…]", () => {
  it('registers its entries like generate_handler![…] (paths, turbofish, cfg attributes; v1 and v2 forms)', async () => {
    const out = await extractFixture('rust-specta-registration');
    expect(factsOf(out, 'command-registration').map((r) => `${r.name} ${r.path} ${r.loc.line}`)).toEqual([
      'get_record records::get_record 22',
      'put_record records::put_record 23',
      'desktop_only desktop_only 25',
      'ping ping 35',
      'missing_one records::missing_one 35',
      'ping ping 41',
    ]);
    // The handler is fed by the lists: no unresolved-registration.
    expect(Object.values(out).flatMap((r) => r.findings)).toEqual([]);
    expect(out).toEqual(expectedOutput('rust-specta-registration'));
  });

  it('leaves only the real defects: a command listed nowhere and an entry with no command', async () => {
    const out = await extractFixture('rust-specta-registration');
    const facts = indexFacts([...Object.values(out).flatMap((r) => r.facts), invoke('get_record', 1), invoke('put_record', 2), invoke('ping', 3)]);
    const found = RULES.flatMap((r) => r.check({ facts })).filter((f) => f.severity === 'error');
    expect(found.map((f) => `${f.id} ${f.file}:${f.line}`)).toEqual(['command-not-registered src/main.rs:17', 'registered-not-defined src/main.rs:35']);
  });
});
