import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('frontend invoke: wrappers', () => {
  it("follows the name through a wrapper's parameter, a wrapper of a wrapper (with a prefix), an options property and a loop", async () => {
    const out = await extractTsFixture('ts-invoke-wrappers');
    expect(names(out, 'invoke')).toEqual([
      'agent_list_sessions@6',
      'agent_get_session@7',
      'agent_send_message@8',
      'daemon_health@9',
      'service_status@10',
      'cron_list_jobs@11',
      'workflow_list@11',
      'plugin:fs|read@12',
    ]);
    expect(out).toEqual(expectedTs('ts-invoke-wrappers'));
  });

  it("reports facts at the wrapper's call site, with the caller's argument keys and type argument", async () => {
    const byName = Object.fromEntries(factsOf(await extractTsFixture('ts-invoke-wrappers'), 'invoke').map((f) => [f.name, f]));
    expect(byName.agent_list_sessions).toMatchObject({ loc: { file: 'src/app.ts', line: 6 }, keys: [], resultTypeText: 'string[]' });
    expect(byName.agent_send_message?.keys).toEqual(['content', 'sessionId']);
    expect(byName.service_status?.keys).toEqual(['verbose']);
    expect(byName['plugin:fs|read']?.keys).toEqual(['path']);
  });

  it('reports nothing inside wrappers whose callers resolve, and the invoke of an uncalled wrapper as unresolved', async () => {
    expect(factsOf(await extractTsFixture('ts-invoke-wrappers'), 'unresolved')).toEqual([
      {
        kind: 'unresolved',
        role: 'invoke',
        expression: 'name',
        reason: '`name` is a parameter of unused(); no call passes it a known value',
        loc: { file: 'src/tauri.ts', line: 27, column: 10 },
      },
    ]);
  });
});
