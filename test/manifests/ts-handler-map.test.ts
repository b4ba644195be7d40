import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('sidecar router as a handler map', () => {
  it('finds plain, quoted, method and computed keys, assignments to the map and new Map entries; not other objects', async () => {
    const out = await extractTsFixture('ts-handler-map');
    expect(names(out, 'handler')).toEqual([
      'agent_list_sessions@10',
      'agent_get_session@11',
      'agent_delete_session@12',
      'daemon_health@15',
      'daemon_ready@18',
      'service_status@19',
      'cron_list_jobs@22',
      'workflow_list@23',
    ]);
    expect(out).toEqual(expectedTs('ts-handler-map'));
  });

  it('reads keys and types of functions referenced by name, methods and arrows', async () => {
    const h = Object.fromEntries(factsOf(await extractTsFixture('ts-handler-map'), 'handler').map((f) => [f.name, f]));
    expect(h.agent_list_sessions).toMatchObject({ reads: [], result: { type: 'array', items: { type: 'string' } } });
    expect(h.agent_get_session?.reads?.map((k) => k.key)).toEqual(['sessionId']);
    expect(h.agent_delete_session).toMatchObject({ reads: [{ key: 'sessionId', required: true }], result: { type: 'object', properties: { deleted: { type: 'boolean' } } } });
    expect(h.daemon_health?.result).toEqual({ type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] });
  });
});
