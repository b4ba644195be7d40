import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('files with a syntax error', () => {
  it('keep every fact outside the unreadable region, which is reported as a warning at its line', async () => {
    const out = await extractFixture('rust-syntax-error');
    const all = Object.values(out).flatMap((r) => r.findings);
    expect(all).toEqual([
      expect.objectContaining({ id: 'parse-recovered', severity: 'warning', file: 'src/commands/broken.rs', line: 7, column: 34 }),
      expect.objectContaining({ id: 'parse-recovered', severity: 'warning', file: 'src/commands/stray.rs', line: 7, column: 15 }),
    ]);
    expect(all[0]!.message).toContain('missing `)`');
    expect(all[1]!.message).toContain('skipped `@ 2`');
    // Never a claim that the code is invalid: the grammar may be the one at fault.
    for (const f of all) expect(`${f.message} ${f.hint}`).not.toMatch(/syntax error|fix the syntax/i);
    // Commands before and after the unreadable part are kept, the good file too.
    expect(factsOf(out, 'command-definition').map((c) => c.name)).toEqual(['broken_command', 'half_written', 'still_extracted', 'before_the_error', 'after_the_error']);
    expect(factsOf(out, 'forward').map((f) => f.to)).toEqual(['half', 'good']);
    expect(out).toEqual(expectedOutput('rust-syntax-error'));
  });
});
