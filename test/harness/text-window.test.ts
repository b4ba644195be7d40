// The window around where two long texts differ never cuts an emoji in half.
import { describe, expect, it } from 'vitest';
import { chars, cut, textWindows } from '../../harness/src/report/text-window.js';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text windows', () => {
  it('bracket the part that differs, with context on both sides', () => {
    expect(textWindows(`${'x'.repeat(100)}é🎉`, `${'x'.repeat(100)}e🎉`)).toEqual({ at: 100, expected: `…${'x'.repeat(40)}[é]🎉`, actual: `…${'x'.repeat(40)}[e]🎉` });
    expect(textWindows('same', 'same')).toBeUndefined();
    expect(textWindows('abc', 'abcd')).toEqual({ at: 3, expected: 'abc[]', actual: 'abc[d]' });
  });

  it('two emojis that share their first half differ as whole emojis', () => {
    expect(textWindows('a🎉b', 'a🎊b')).toMatchObject({ at: 1, expected: 'a[🎉]b', actual: 'a[🎊]b' });
  });

  it('never end or start on half a surrogate pair, whatever the alignment', () => {
    for (let n = 0; n < 6; n++) {
      const side = (c: string) => `${'🎉'.repeat(60)}${'x'.repeat(n)}${c}${'y'.repeat(n)}${'🎉'.repeat(60)}`;
      const w = textWindows(side('Q'), side(`R${'🎊'.repeat(50)}`))!;
      for (const s of [w.expected, w.actual]) expect(s, `n=${n}: ${s}`).not.toMatch(LONE);
      expect(w.actual).toContain('…]');
    }
    expect(cut('ab🎉', 3)).toBe('ab');
    expect(chars('a🎉b')).toBe(3);
  });
});
