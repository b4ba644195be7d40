import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('frontend invoke: direct calls', () => {
  it("finds Tauri's invoke however it is imported: named, aliased, namespace, the api root, the window global, an object holding it", async () => {
    const out = await extractTsFixture('ts-invoke-literal');
    expect(names(out, 'invoke')).toEqual([
      'agent_list_sessions@11',
      'agent_send_message@12',
      'agent_stop_generation@13',
      'agent_delete_session@14',
      'daemon_health@15',
      'agent_get_session@17',
      'agent_create_session@18',
      'daemon_ready@4',
      'service_status@9',
      'workflow_list@18',
      'cron_list_jobs@19',
    ]);
    expect(out).toEqual(expectedTs('ts-invoke-literal'));
  });

  it('reads argument keys from literals, shorthand, a const object and spreads of one; invoke<T> keeps T as written', async () => {
    const byName = Object.fromEntries(factsOf(await extractTsFixture('ts-invoke-literal'), 'invoke').map((f) => [f.name, f]));
    expect(byName.agent_list_sessions).toMatchObject({ keys: [], resultTypeText: 'Session[]' });
    expect(byName.agent_send_message?.keys).toEqual(['content', 'sessionId']);
    expect(byName.agent_get_session?.keys).toEqual(['sessionId', 'tags']);
    expect(byName.agent_create_session?.keys).toEqual(['sessionId', 'tags', 'title']);
    expect(byName.daemon_health?.keys).toEqual([]);
    expect(byName.agent_delete_session?.resultTypeText).toBe('void');
  });
});
