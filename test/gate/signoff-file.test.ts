import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSignoff, parseSignoffs, splitRow } from '../../matrix/src/gate/signoff-file.js';
import { FIXTURES } from '../matrix/helpers.js';

describe('sign-off file', () => {
  it('reads the table among other text, with extra columns in any order and escaped pipes', () => {
    const file = parseSignoffs(fs.readFileSync(path.join(FIXTURES, 'gate/signoff-file/table.md'), 'utf8'));
    expect(file.hasTable).toBe(true);
    expect(file.problems).toEqual([{ line: 14, message: 'sign-off row for QA: no name; decision "lgtm" is not approved, rejected or pending' }]);
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
});
