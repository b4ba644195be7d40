import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('a TypeScript file that does not parse', () => {
  it('is reported once per extractor with file:line and skipped; the other files are extracted', async () => {
    const out = await extractTsFixture('ts-parse-error');
    expect(names(out, 'invoke')).toEqual(['daemon_health@3']);
    for (const id of ['ts-frontend-invoke', 'ts-frontend-listen', 'ts-frontend-emit']) {
      expect(out[id]?.findings).toEqual([
        expect.objectContaining({ id: 'parse-error', severity: 'error', file: 'src/broken.ts', line: 4, message: "src/broken.ts does not parse: ',' expected; the file was skipped" }),
      ]);
    }
    expect(factsOf(out, 'unresolved').map((u) => u.reason)).toEqual(['`broken` is imported from "./broken", which does not parse or does not export it']);
    expect(out).toEqual(expectedTs('ts-parse-error'));
  });
});
