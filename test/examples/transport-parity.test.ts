// The cutover promise in one test: the same command sequence, sent once over stdio and
// once over the daemon socket, gets the same answers and the same events, apart from
// generated ids and times. The normalized transcript is also pinned in a fixture, so a
// change to the reference app's contract shows up as a reviewable diff.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNormalizer, ExampleSandbox, REPO_ROOT, withoutSequence, type WireClient, type WireEvent } from '../support/example.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/examples/transport-parity/transcript.json');

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

interface Step {
  command: string;
  params?: Record<string, unknown>;
  response: unknown;
}

/** Drives one client through every command; waits on events so the order is fixed. */
async function scenario(client: WireClient): Promise<Step[]> {
  const steps: Step[] = [];
  const call = async (command: string, params?: Record<string, unknown>) => {
    const response = await client.request(command, params);
    steps.push({ command, ...(params ? { params } : {}), response });
    return response.result;
  };
  const next = (type: string, after: number) =>
    client.waitForEvent(`the next ${type} event`, (e) => e.type === type && client.events.indexOf(e) >= after);

  await call('daemon_ready');
  await call('daemon_health');
  const session = await call('agent_create_session', { title: 'Parity', tags: ['demo'] });
  await call('agent_list_sessions');

  let mark = client.events.length;
  await call('agent_send_message', { sessionId: session.id, content: 'count this with a tool' });
  await next('stream:done', mark);

  mark = client.events.length;
  await call('agent_send_message', { sessionId: session.id, content: 'ask me a question' });
  const question = await next('question:ask', mark);
  await call('agent_get_bootstrap_state');
  mark = client.events.length;
  await call('agent_answer_question', { sessionId: session.id, questionId: question.data.questionId, answer: 'short' });
  await next('stream:done', mark);

  mark = client.events.length;
  await call('agent_send_message', { sessionId: session.id, content: 'ask permission first' });
  const permission = await next('permission:request', mark);
  mark = client.events.length;
  await call('agent_respond_permission', { sessionId: session.id, permissionId: permission.data.permissionId, decision: 'allow' });
  await next('stream:done', mark);

  mark = client.events.length;
  await call('agent_send_message', { sessionId: session.id, content: 'this will fail' });
  await next('stream:done', mark);

  await call('agent_get_session', { sessionId: session.id });
  await call('agent_get_events_since', { sinceSeq: 40 });
  await call('agent_stop_generation', { sessionId: session.id });
  await call('agent_subscribe_events', { clientLabel: 'parity' });

  await call('service_status');
  await call('service_get_mode');
  await call('service_set_mode', { mode: 'system' });
  await call('service_get_mode');
  await call('cron_create_job', { name: 'nightly digest', schedule: '0 3 * * *', workflowId: 'wf-digest' });
  await call('cron_create_job', { name: 'broken', schedule: 'every night' });
  await call('cron_list_jobs');
  await call('workflow_run', { workflowId: 'wf-summarize', input: 'one two three' });
  await call('workflow_list');

  await call('agent_get_session', { sessionId: 's-00000000-0000-0000-0000-000000000000' });
  await call('agent_send_message', { sessionId: session.id });
  await call('agent_teleport');

  mark = client.events.length;
  await call('agent_delete_session', { sessionId: session.id });
  await next('session:updated', mark);
  await call('agent_list_sessions');
  return steps;
}

function transcript(steps: Step[], events: WireEvent[]) {
  // Request ids are the client's own counter; the response's id is checked below.
  const normalize = createNormalizer();
  return normalize({
    steps: steps.map(({ response: { id: _id, ...response }, ...step }: any) => ({ ...step, response })),
    events: events.map(withoutSequence),
  });
}

describe('cowork over stdio and over the daemon socket', () => {
  it('answers the same sequence identically apart from ids and times', async () => {
    const stdio = await sandbox.stdio(await sandbox.tempDir());
    const stdioSteps = await scenario(stdio.channel);

    const daemon = await sandbox.daemon(await sandbox.tempDir());
    const client = await daemon.connect();
    const daemonSteps = await scenario(client);

    const oldPath = transcript(stdioSteps, stdio.channel.events);
    const newPath = transcript(daemonSteps, client.events);
    expect(newPath).toEqual(oldPath);

    // Shape differences that are intended: only the daemon path carries the cursor.
    for (const e of stdio.channel.events) expect(e).not.toHaveProperty('seq');
    expect(client.events.map((e) => e.seq)).toEqual(client.events.map((_, i) => i + 1));
    for (const e of client.events) expect(Date.parse(e.timestamp!)).not.toBeNaN();

    if (process.env.UPDATE_FIXTURES) {
      fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
      fs.writeFileSync(FIXTURE, JSON.stringify(oldPath, null, 2) + '\n');
    }
    expect(oldPath).toEqual(JSON.parse(fs.readFileSync(FIXTURE, 'utf8')));
  });
});
