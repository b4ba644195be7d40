import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, names } from './ts-fixture.js';

describe('frontend invoke: names through constants', () => {
  it('resolves consts, string enums, nested object constants, re-exports, namespace imports, templates, concatenation and conditionals', async () => {
    const out = await extractTsFixture('ts-invoke-consts');
    expect(names(out, 'invoke')).toEqual([
      'agent_list_sessions@8',
      'agent_send_message@9',
      'agent_stop_generation@10',
      'agent_get_session@11',
      'agent_delete_session@12',
      'daemon_health@13',
      'workflow_list@14',
      'service_status@15',
      'cron_list_jobs@16',
      'daemon_health@17',
      'daemon_ready@17',
    ]);
    expect(out['ts-frontend-invoke']?.findings).toEqual([]);
    expect(out).toEqual(expectedTs('ts-invoke-consts'));
  });
});
