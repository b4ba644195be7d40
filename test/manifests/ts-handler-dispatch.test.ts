import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('a sidecar handler that dispatches many operations by name', () => {
  it('is reported as an unresolved handler name at the dispatch (an element access call or a switch on a params field), so the operations it hides are visible', async () => {
    const out = await extractTsFixture('ts-handler-dispatch');
    expect(names(out, 'handler')).toContain('rpc@14');
    expect(names(out, 'handler')).toContain('inner_one@38');
    expect(factsOf(out, 'unresolved').map((u) => `${u.role} ${u.loc.line} ${u.expression}: ${u.reason}`)).toEqual([
      "handler 14 ops[params.method]: sidecar handler 'rpc' dispatches operations by name on `params.method`; the operations it routes to are not listed in the manifest",
      "handler 18 op: sidecar handler 'call' dispatches operations by name on `op`; the operations it routes to are not listed in the manifest",
      "handler 29 ops[name]: sidecar handler 'batch' dispatches operations by name on `name`; the operations it routes to are not listed in the manifest",
    ]);
    expect(out).toEqual(expectedTs('ts-handler-dispatch'));
  });
});
