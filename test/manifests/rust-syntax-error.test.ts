import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('files that do not parse', () => {
  it('are reported once each at the first error and skipped, while the good file is extracted', async () => {
    const out = await extractFixture('rust-syntax-error');
    const all = Object.values(out).flatMap((r) => r.findings);
    expect(all).toEqual([
      expect.objectContaining({ id: 'parse-error', severity: 'error', file: 'src/commands/broken.rs', line: 7, column: 34 }),
      expect.objectContaining({ id: 'parse-error', severity: 'error', file: 'src/commands/stray.rs', line: 7, column: 15 }),
    ]);
    expect(all[0]!.message).toContain('expected `)`');
    expect(all[1]!.message).toContain('unexpected `@ 2`');
    // Commands before and after the error in a broken file are not trusted either.
    expect(factsOf(out, 'command-definition').map((c) => c.name)).toEqual(['still_extracted']);
    expect(factsOf(out, 'forward').map((f) => f.to)).toEqual(['good']);
    expect(out).toEqual(expectedOutput('rust-syntax-error'));
  });
});
