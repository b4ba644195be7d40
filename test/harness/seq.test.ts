import { describe, expect, it } from 'vitest';
import { checkSeq } from '../../harness/src/checks/seq.js';
import { coworkNdjson } from '../../harness/src/profiles/cowork-ndjson.js';
import type { BodyLine } from '../../harness/src/trace/types.js';

const ev = (conn: string, seq: number): BodyLine => ({ type: 'event', conn, message: { seq, type: 'stream:chunk', sessionId: 's', data: {} } });

describe('event seq on each connection', () => {
  it('accepts a gapless stream starting anywhere, per connection', () => {
    expect(checkSeq([ev('main', 7), ev('main', 8), ev('other', 3), ev('main', 9), ev('other', 4)], coworkNdjson)).toEqual([]);
  });

  it('classifies gaps, repeats and steps back', () => {
    const problems = checkSeq([ev('main', 1), ev('main', 2), ev('main', 5), ev('main', 5), ev('main', 4), ev('main#2', 1)], coworkNdjson);
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      ['seq-gap', 'event stream:chunk on main: seq jumps from 2 to 5 (2 missing)'],
      ['seq-not-increasing', 'event stream:chunk on main: seq 5 after 5 (sent twice)'],
      ['seq-not-increasing', 'event stream:chunk on main: seq 4 after 5'],
    ]);
  });
});
