import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('sidecar registration through helpers and loops', () => {
  it('follows a registration helper with a name prefix, a loop over Object.entries of a handler object, and a dotted configured registrar', async () => {
    const out = await extractTsFixture('ts-registrar-wrappers');
    expect(names(out, 'handler')).toEqual(['cron_list_jobs@16', 'cron_create_job@17', 'service_get_mode@18', 'service_status@18', 'workflow_list@19']);
    expect(factsOf(out, 'unresolved')).toEqual([]);
    expect(out).toEqual(expectedTs('ts-registrar-wrappers'));
  });

  it("reads a helper-registered handler's params from the caller's function", async () => {
    const h = factsOf(await extractTsFixture('ts-registrar-wrappers'), 'handler').find((f) => f.name === 'cron_create_job');
    expect(h?.reads).toEqual([
      { key: 'name', required: true, schema: { type: 'string' }, typeText: 'string' },
      { key: 'schedule', required: true, schema: { type: 'string' }, typeText: 'string' },
    ]);
    expect(h?.result).toEqual({ type: 'string' });
  });
});

describe('sidecar registration in a loop over entries', () => {
  it('pairs each name with the handler of the same entry', async () => {
    const h = Object.fromEntries(factsOf(await extractTsFixture('ts-registrar-wrappers'), 'handler').map((f) => [f.name, f]));
    expect(h.service_status?.result).toEqual({ type: 'object', properties: { running: { type: 'boolean' } }, required: ['running'] });
    expect(h.service_get_mode?.result).toEqual({ type: 'object', properties: { mode: { type: 'string' } }, required: ['mode'] });
  });
});
