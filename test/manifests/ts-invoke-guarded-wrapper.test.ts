import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('a wrapper that routes by its name parameter', () => {
  it('reaches the inner invoke only for the names its condition lets through (startsWith, !, ===, early return)', async () => {
    const out = await extractTsFixture('ts-invoke-guarded-wrapper');
    expect(names(out, 'invoke')).toEqual([
      // The wrappers' own invokes of the dispatching command.
      'rpc@8',
      'rpc@13',
      'rpc@19',
      // Call sites: only the plugin commands reach `invoke(cmd)`; `cmd_http_response_body_path` and
      // `cmd_list_workspaces` go through `rpc`. `maybe('ping')` cannot reach it (cmd !== 'ping' is false);
      // `maybe('cmd_reload')` may, depending on a flag known only at run time.
      'plugin:license|check@24',
      'plugin:os|platform@26',
      'cmd_reload@28',
    ]);
    expect(factsOf(out, 'invoke').find((f) => f.name === 'rpc' && f.loc.line === 8)?.keys).toEqual(['cmd', 'payload']);
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-invoke-guarded-wrapper'));
  });
});
