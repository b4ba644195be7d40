import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('types the crate does not declare', () => {
  it('get an open schema and an info finding at the place they are used', async () => {
    const out = await extractFixture('rust-unknown-types');
    expect(command(out, 'report').params.map((p) => [p.key, p.schema])).toEqual([
      ['widget', {}],
      ['raw', {}],
    ]);
    const findings = out['rust-commands']!.findings;
    expect(findings.map((f) => [f.id, f.severity, f.data?.type, f.line])).toEqual([
      ['unknown-type', 'info', 'Widget', 6],
      ['unknown-type', 'info', 'gadgets::Gadget', 7],
      ['unknown-type', 'info', 'Widget', 13],
      ['unknown-type', 'info', 'impl Serialize', 18],
    ]);
    // serde_json::Value is open by nature; Uuid and DateTime are well-known strings: no finding.
    expect(command(out, 'report').result).toMatchObject({ properties: { id: { format: 'uuid' }, when: { format: 'date-time' } } });
    expect(out).toEqual(expectedOutput('rust-unknown-types'));
  });
});
