import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('integers wider than 53 bits', () => {
  it('are flagged on the schema and reported once per command field at the declaring line', async () => {
    const out = await extractFixture('rust-wide-integers');
    const findings = out['rust-commands']!.findings;
    expect(findings.every((f) => f.id === 'wide-integer' && f.severity === 'warning')).toBe(true);
    expect(findings.map((f) => [f.data?.command, f.data?.field, `${f.file}:${f.line}`]).sort()).toEqual(
      [
        ['disk_stats', 'params.sinceMs', 'src/stats.rs:17'],
        ['disk_stats', 'params.limit', 'src/stats.rs:17'],
        ['disk_stats', 'params.id', 'src/stats.rs:17'],
        ['disk_stats', 'result.totalBytes', 'src/stats.rs:8'],
        ['disk_stats', 'result.delta', 'src/stats.rs:9'],
        ['disk_stats', 'result.sizes[]', 'src/stats.rs:10'],
        ['disk_stats', 'result.byName{}', 'src/stats.rs:12'],
        ['net_stats', 'result.totalBytes', 'src/stats.rs:8'],
        ['net_stats', 'result.delta', 'src/stats.rs:9'],
        ['net_stats', 'result.sizes[]', 'src/stats.rs:10'],
        ['net_stats', 'result.byName{}', 'src/stats.rs:12'],
      ].sort(),
    );
    expect(command(out, 'disk_stats').params[0]!.schema).toEqual({ type: 'integer', minimum: 0, 'x-cutover-wide-integer': true });
    expect(command(out, 'narrow').params.every((p) => !('x-cutover-wide-integer' in p.schema!))).toBe(true);
    expect(out).toEqual(expectedOutput('rust-wide-integers'));
  });
});
