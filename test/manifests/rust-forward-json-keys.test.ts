import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('forwarding to the sidecar', () => {
  it('reads the command name and the top-level json! keys in every call form', async () => {
    const out = await extractFixture('rust-forward-json-keys');
    expect(factsOf(out, 'forward').map((f) => [f.from ?? null, f.to, f.keys ?? null])).toEqual([
      ['send_message', 'agent_send_message', ['content', 'options', 'sessionId']],
      ['stop', 'agent_stop', ['sessionId']],
      ['list', 'agent_list', []],
      ['status', 'agent_status', null],
      ['ping', 'agent_ping', []],
      ['rename', 'agent_rename', ['sessionId', 'title']],
      ['typed', 'agent_typed', ['sessionId']],
      [null, 'agent_warm_up', ['reason']],
    ]);
    expect(out).toEqual(expectedOutput('rust-forward-json-keys'));
  });
});
