import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, names } from './ts-fixture.js';

describe('frontend invoke: calls that only share the name', () => {
  it("ignores chain.invoke of another library, another package's invoke, a local method and a shadowing local", async () => {
    const out = await extractTsFixture('ts-invoke-not-tauri');
    expect(names(out, 'invoke')).toEqual(['daemon_ready@23']);
    expect(out).toEqual(expectedTs('ts-invoke-not-tauri'));
  });
});
