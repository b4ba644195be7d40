import { describe, expect, it } from 'vitest';
import { expectedTs, extractTsFixture, factsOf, names } from './ts-fixture.js';

describe('sidecar router as a switch', () => {
  it('finds every case of a switch on req.command (const labels, fall-through labels), not other switches', async () => {
    const out = await extractTsFixture('ts-switch-router');
    expect(names(out, 'handler')).toEqual(['daemon_health@18', 'agent_send_message@20', 'agent_stop_generation@24', 'agent_cancel@25', 'workflow_run@29']);
    expect(out).toEqual(expectedTs('ts-switch-router'));
  });

  it('reads req.params per case, with the type an `as` gives it, and the union of what the case returns', async () => {
    const h = Object.fromEntries(factsOf(await extractTsFixture('ts-switch-router'), 'handler').map((f) => [f.name, f]));
    expect(h.daemon_health?.reads).toEqual([]);
    expect(h.daemon_health?.result).toEqual({ type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] });
    expect(h.agent_send_message?.reads?.map((k) => k.key)).toEqual(['content', 'sessionId']);
    expect(h.agent_send_message?.params).toEqual({ type: 'object', properties: { sessionId: { type: 'string' }, content: { type: 'string' } }, required: ['sessionId', 'content'] });
    expect(h.agent_send_message?.result).toEqual({ type: 'object', properties: { turnId: { type: 'string' } }, required: ['turnId'] });
    // req.params is Record<string, unknown> | undefined: no declared type says these keys are required, only how they are read.
    expect(h.agent_cancel?.reads).toEqual([{ key: 'sessionId', required: true, requiredBy: 'read' }]);
    expect(h.workflow_run?.reads).toEqual([{ key: 'workflowId', required: true, requiredBy: 'read' }]);
    expect(h.workflow_run?.result).toEqual({ anyOf: [{ type: 'null' }, { type: 'string' }] });
  });
});

describe('sidecar switch router without declared params types', () => {
  it('builds params from the keys read when req.params is Record<string, unknown> | undefined', async () => {
    const h = factsOf(await extractTsFixture('ts-switch-router'), 'handler').find((f) => f.name === 'workflow_run');
    expect(h?.params).toEqual({ type: 'object', properties: { workflowId: {} }, required: ['workflowId'] });
  });
});
