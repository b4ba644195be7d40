import { describe, expect, it } from 'vitest';
import { jsonDepthOver } from '../../core/src/util/json-depth.js';

describe('JSON nesting depth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthOver('[[[1]]]', 3)).toBe(false);
    expect(jsonDepthOver('[[[[1]]]]', 3)).toBe(true);
    expect(jsonDepthOver('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
    expect(jsonDepthOver(`{"s":"${'['.repeat(50)}\\"${'{'.repeat(50)}"}`, 3)).toBe(false);
    expect(jsonDepthOver(`[${'[1],'.repeat(5000)}[1]]`, 3)).toBe(false);
  });

  it('a 200,000-deep value is over the default limit; a real message is not', () => {
    expect(jsonDepthOver(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBe(true);
    expect(jsonDepthOver(JSON.stringify({ id: '1', success: true, result: { sessions: Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, tags: [[i]] })) } }))).toBe(false);
  });
});
