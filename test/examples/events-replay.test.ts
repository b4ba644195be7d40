// Catch-up after a disconnect: bootstrap once, then follow the seq cursor. The replay
// buffer is bounded, so an old cursor must be told "stale" rather than given a gap.
import { afterEach, describe, expect, it } from 'vitest';
import { ExampleSandbox, type WireEvent } from '../support/example.js';

const sandbox = new ExampleSandbox();
afterEach(() => sandbox.cleanup());

const seqs = (events: WireEvent[]) => events.map((e) => e.seq);

describe('cowork event replay', () => {
  it('numbers a bulk stream gaplessly and replays exactly the missed range', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir());
    const live = await daemon.connect();
    const { result: session } = await live.request('agent_create_session', {});
    await live.request('agent_send_message', { sessionId: session.id, content: 'chunks:2000' });
    const done = await live.waitForEvent('stream:done of the 2000-chunk turn', (e) => e.type === 'stream:done');
    expect(done.data.chunkCount).toBe(2000);
    await live.waitForEvent('session:updated after the turn', (e) => e.type === 'session:updated');
    expect(seqs(live.events)).toEqual(live.events.map((_, i) => i + 1));

    // A client that saw events up to 1500 asks for the rest, and gets exactly that.
    const late = await daemon.connect();
    const { result } = await late.request('agent_get_events_since', { sinceSeq: 1500 });
    expect(result.latestSeq).toBe(live.events.length);
    expect(result.events).toEqual(live.events.slice(1500));
    expect((await late.request('agent_get_events_since', { sinceSeq: result.latestSeq })).result).toEqual({
      events: [],
      latestSeq: result.latestSeq,
    });
  });

  it('says stale for a cursor older than the replay buffer, or from the future', async () => {
    const daemon = await sandbox.daemon(await sandbox.tempDir(), { args: ['--replay-buffer', '10'] });
    const client = await daemon.connect();
    const { result: session } = await client.request('agent_create_session', {});
    await client.request('agent_send_message', { sessionId: session.id, content: 'chunks:25' });
    await client.waitForEvent('session:updated after the turn', (e) => e.type === 'session:updated');
    const latest = client.events.at(-1)!.seq!;

    const since = async (sinceSeq: number) => (await client.request('agent_get_events_since', { sinceSeq })).result;
    expect(await since(0)).toEqual({ stale: true, oldestSeq: latest - 9, latestSeq: latest });
    expect(await since(latest + 5)).toEqual({ stale: true, oldestSeq: latest - 9, latestSeq: latest });
    // The oldest cursor that still works: everything after it is in the buffer.
    expect(seqs((await since(latest - 10)).events)).toEqual(Array.from({ length: 10 }, (_, i) => latest - 9 + i));
    expect(await client.request('agent_get_events_since', { sinceSeq: -1 })).toMatchObject({ success: false });
  });

  it('keeps seq and the replay buffer across a graceful restart', async () => {
    const dataDir = await sandbox.tempDir();
    const first = await sandbox.daemon(dataDir);
    const a = await first.connect();
    const { result: session } = await a.request('agent_create_session', {});
    await a.request('agent_send_message', { sessionId: session.id, content: 'one two' });
    await a.waitForEvent('session:updated after the turn', (e) => e.type === 'session:updated');
    await first.stop('SIGTERM');

    const second = await sandbox.daemon(dataDir);
    const b = await second.connect();
    const { result } = await b.request('agent_get_events_since', { sinceSeq: 2 });
    expect(result.events).toEqual(a.events.slice(2));
    await b.request('agent_send_message', { sessionId: session.id, content: 'three' });
    const start = await b.waitForEvent('stream:start after the restart', (e) => e.type === 'stream:start');
    expect(start.seq).toBe(a.events.length + 1);
  });
});
