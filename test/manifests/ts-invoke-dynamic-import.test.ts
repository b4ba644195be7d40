import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('Tauri API loaded with a dynamic import()', () => {
  it('finds invoke, listen, once and emit destructured from await import(…), on the module namespace, on (await import(…)) and in .then(…)', async () => {
    const out = await extractTsFixture('ts-invoke-dynamic-import');
    expect(names(out, 'invoke')).toEqual([
      'agent_list_sessions@4',
      'agent_get_session@5',
      'daemon_health@8',
      'service_status@10',
      'workflow_list@13',
      'cron_list_jobs@17',
      'cron_run_job@18',
    ]);
    expect(factsOf(out, 'invoke').find((f) => f.name === 'service_status')?.keys).toEqual(['verbose']);
    expect(names(out, 'listen')).toEqual(['agent:stream:chunk@23', 'agent:ready@24']);
    expect(names(out, 'emit')).toEqual(['ui:opened@26']);
    // Another package's invoke and a local module loaded the same way are not Tauri's, and nothing is left unresolved.
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-invoke-dynamic-import'));
  });
});
