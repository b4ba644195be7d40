import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSignoff, latestToday, parseSignoffs, splitRow } from '../../matrix/src/gate/signoff-file.js';
import { FIXTURES } from '../matrix/helpers.js';

describe('sign-off file', () => {
  it('reads the table among other text, with extra columns in any order and escaped pipes', () => {
    const file = parseSignoffs(fs.readFileSync(path.join(FIXTURES, 'gate/signoff-file/table.md'), 'utf8'));
    expect(file.hasTable).toBe(true);
    expect(file.problems).toEqual([{ line: 14, kind: 'malformed', message: 'sign-off row for QA: no name; decision "lgtm" is not approved, rejected or pending' }]);
    expect(file.entries.map((e) => `${e.role}|${e.name}|${e.date}|${e.decision}|${e.line}`)).toEqual([
      'ARCH|Ada Lovelace|2025-06-01|approved|11',
      'SEC|Grace Hopper|2025-06-01|approved|12',
      'SEC|Grace Hopper|2025-06-04|rejected|13',
      'OPS|M. Hamilton | Ops|2025-06-02|approved|15',
    ]);
    expect(currentSignoff(file, 'sec')!.decision).toBe('rejected');
    expect(currentSignoff(file, 'QA')).toBeUndefined();
  });

  it('says when there is no table with the four columns', () => {
    expect(parseSignoffs('# Sign-off\n\n| Who | When |\n| --- | --- |\n| Ada | today |\n')).toEqual({ entries: [], problems: [], hasTable: false });
  });

  it('splits GFM rows with or without outer pipes', () => {
    expect(splitRow('| a | b \\| c |')).toEqual(['a', 'b | c']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
  });

  it('refuses a row dated in the future, so it cannot outrank a real later rejection', () => {
    const text = '| Role | Name | Date | Decision |\n| --- | --- | --- | --- |\n| SEC | Mallory | 2099-01-01 | approved |\n| SEC | Grace | 2025-06-04 | rejected |\n';
    const file = parseSignoffs(text, '2025-06-05');
    expect(file.problems).toEqual([{ line: 3, kind: 'future', message: 'sign-off row for SEC is dated 2099-01-01, in the future (today is 2025-06-05): it does not count' }]);
    expect(currentSignoff(file, 'SEC')).toMatchObject({ decision: 'rejected', date: '2025-06-04' });
    // Today counts wherever on Earth it is already today.
    expect(parseSignoffs(text.replace('2099-01-01', '2025-06-05'), '2025-06-05').problems).toEqual([]);
  });

  it('takes today from the last time zone to reach it', () => {
    expect(latestToday(new Date('2025-06-04T10:00:00Z'))).toBe('2025-06-05');
    expect(latestToday(new Date('2025-06-04T09:59:59Z'))).toBe('2025-06-04');
  });
});
