import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('import aliases', () => {
  it('follows vite resolve.alias, tsconfig paths (JSON with comments), a nested package\'s own tsconfig and the configured paths; a package import stays unresolved', async () => {
    const out = await extractTsFixture('ts-invoke-path-alias');
    expect(names(out, 'invoke')).toEqual(['get_theme@5', 'get_settings@11', 'update_settings@12', 'ping@14']);
    expect(names(out, 'listen')).toEqual(['settings:changed@13']);
    expect(factsOf(out, 'unresolved').map((u) => `${u.loc.line} ${u.reason}`)).toEqual(['16 `NAME` is imported from "@scope/package", outside the scanned sources']);
    expect(out).toEqual(expectedTs('ts-invoke-path-alias'));
  });
});
