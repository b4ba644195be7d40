import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/src/findings.js';
import { runHarness } from '../../harness/src/run-harness.js';
import { ensureSidecarBuilt, SIDECAR_DIR } from '../support/example.js';
import { exampleConfig, tempDir } from './support.js';

/**
 * Deliberately broken copies of the example: the compiled sidecar is copied to a temp dir and
 * one thing in its JS is changed. The golden traces were recorded on the intact stdio path;
 * each break must be caught, with the right classification.
 */
let copies: { remove: () => Promise<void> }[] = [];

beforeAll(() => {
  ensureSidecarBuilt();
});

afterEach(async () => {
  for (const c of copies) await c.remove();
  copies = [];
});

async function brokenCopy(file: string, anchor: string, replacement: string): Promise<string> {
  const dir = await tempDir();
  copies.push(dir);
  await fs.cp(path.join(SIDECAR_DIR, 'dist'), path.join(dir.path, 'dist'), { recursive: true });
  await fs.copyFile(path.join(SIDECAR_DIR, 'package.json'), path.join(dir.path, 'package.json'));
  const target = path.join(dir.path, 'dist', file);
  const text = await fs.readFile(target, 'utf8');
  // A patch that no longer applies must fail the test, never let it pass on an intact copy.
  if (!text.includes(anchor)) throw new Error(`patch anchor not found in ${file}: ${JSON.stringify(anchor)}; the example changed, update this test`);
  await fs.writeFile(target, text.replace(anchor, replacement));
  return path.join(dir.path, 'dist/index.js');
}

async function run(entry: string, opts: { traces?: string[]; scenarios?: string[] }): Promise<Finding[]> {
  // Short response limit: some of these breaks show as answers that never come.
  const result = await runHarness({ loaded: await exampleConfig(entry, { responseMs: 2000 }), ...opts });
  expect(result.targetError).toBeUndefined();
  return result.findings;
}

const ids = (fs: Finding[]) => [...new Set(fs.map((f) => f.id))].sort();

/** The one finding a planted breakage gives, with what it says. */
function one(findings: Finding[]): Finding {
  if (process.env.SHOW_FINDINGS) console.log(findings.map((f) => `${f.id}: ${f.message}`).join('\n'));
  expect(findings.map((f) => `${f.id}: ${f.message}`)).toHaveLength(1);
  return findings[0]!;
}

describe('planted breakages in a copy of the example each give exactly one clear finding', () => {
  it('a renamed field: one rename, which also notes the manifest it breaks', async () => {
    const entry = await brokenCopy('session-store.js', '    return rest;\n}', '    const { messageCount, ...others } = rest;\n    return { ...others, msgCount: messageCount };\n}');
    const f = one(await run(entry, { traces: ['sessions'] }));
    expect(f.id).toBe('replay-renamed');
    expect(f.message).toMatch(/^response to agent_create_session \(request "1", main\): field result\.messageCount renamed to result\.msgCount \(and \d+ more like it: /);
    expect(f.message).toMatch(/; the new path also breaks the manifest there: (result of agent_create_session|data of event session:created): (session\.)?messageCount: is required but missing; /);
    expect(f.data?.notes).toContain('the new path also breaks the manifest there: result of agent_create_session: messageCount: is required but missing');
    expect(f.file).toMatch(/cutover\/traces\/sessions\.jsonl$/);
  }, 60_000);

  it('a renamed id field that later requests refer to: one rename, the requests that use the id follow it (no cascade)', async () => {
    const entry = await brokenCopy('session-store.js', '    return rest;\n}', '    const { id, ...others } = rest;\n    return { sid: id, ...others };\n}');
    // Before, the send that refers to {{created.result.id}} went out with the recorded id, was
    // refused, and the run ended waiting for a stream that never came.
    const findings = await run(entry, { traces: ['sessions'] });
    if (process.env.SHOW_FINDINGS) console.log(findings.map((f) => `${f.id}: ${f.message}`).join('\n'));
    const renamed = findings.filter((f) => f.id === 'replay-renamed');
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.message).toMatch(/^response to agent_create_session \(request "1", main\): field result\.id renamed to result\.sid \(and 2 more like it: response to agent_list_sessions .*; event session:updated #1 /);
    // The one other change is real: the sidecar emits session:created with session.id, which the
    // rename took away, so that event now arrives with no session. No later request is refused.
    const rest = findings.filter((f) => f.id !== 'replay-renamed');
    expect(rest.map((f) => f.id)).toEqual(['replay-missing', 'replay-extra']);
    expect(rest[0]!.message).toMatch(/^event session:created #1 of session <agent_create_session:result\.id#1> \(main\): missing at the start$/);
    expect(rest[1]!.message).toMatch(/^event session:created #1 \(new path\) of session .* \(main\): extra, at the start; the new path also breaks the manifest there: data of event session:created: session\.id: is required but missing/);
  }, 60_000);

  it('a dropped event (numbered, then not sent): missing after the one before it, the seq gap noted on it', async () => {
    const entry = await brokenCopy(
      'runtime/transports/local-ipc-server.js',
      '    broadcast(event) {\n',
      "    broadcast(event) {\n        if (event.type === 'stream:chunk' && event.data.index === 1) return;\n",
    );
    const f = one(await run(entry, { traces: ['sessions'] }));
    expect(f.id).toBe('replay-missing');
    expect(f.message).toMatch(/^event stream:chunk #2 of session <agent_create_session:result\.id#1> \(main\): missing after event stream:chunk #1 \(line \d+\); the new path numbered it and never sent it: seq jumps from \d+ to \d+ \(1 missing\)$/);
  }, 60_000);

  it('a dropped event (never emitted): missing, nothing else', async () => {
    const entry = await brokenCopy('agent-runner.js', "        this.events.emit('tool:start', turn.sessionId, { turnId: turn.turnId, toolId, name, input });\n", '');
    const f = one(await run(entry, { traces: ['sessions'] }));
    expect(f.message).toMatch(/^event tool:start #1 of session <agent_create_session:result\.id#1> \(main\): missing after event stream:chunk #\d+ \(line \d+\)$/);
  }, 60_000);

  it('an extra event: extra, after the event it followed', async () => {
    const entry = await brokenCopy('ipc-handler.js', "        rt.events.emit('session:created', session.id, { session });\n", "        rt.events.emit('session:created', session.id, { session });\n        rt.events.emit('session:updated', session.id, { session });\n");
    const f = one(await run(entry, { traces: ['sessions'] }));
    expect(f.id).toBe('replay-extra');
    expect(f.message).toMatch(/^event session:updated #1 \(new path\) of session <agent_create_session:result\.id#1> \(main\): extra, after event session:created #1 \(line \d+\)$/);
  }, 60_000);

  it('two events reordered: one reordered', async () => {
    const done = "        this.events.emit('stream:done', turn.sessionId, { turnId: turn.turnId, status, chunkCount: turn.index });\n";
    const updated = "        this.events.emit('session:updated', turn.sessionId, { session });\n";
    const entry = await brokenCopy('agent-runner.js', done + updated, updated + done);
    const f = one(await run(entry, { traces: ['sessions'] }));
    expect(f.id).toBe('replay-reordered');
    expect(f.message).toMatch(/^event (stream:done|session:updated) #1 of session <agent_create_session:result\.id#1> \(main\): reordered: expected after event [a-z:]+ #\d+ \(line \d+\), arrived after event [a-z:]+ #\d+$/);
  }, 60_000);

  it('the token check removed: one auth finding naming everything that got through', async () => {
    const entry = await brokenCopy('runtime/transports/local-ipc-server.js', '    authorized(candidate) {\n', '    authorized(candidate) {\n        return true;\n');
    const f = one(await run(entry, { scenarios: ['auth'] }));
    expect(f.id).toBe('auth-not-enforced');
    expect(f.message).toMatch(/^auth: the token is not enforced: a request without a token was served \(.*\); a request with a wrong token was served \(.*\); connection no-token, never authenticated, received \d+ event\(s\); connection wrong-token, never authenticated, received \d+ event\(s\)$/);
  }, 60_000);

  it('a duplicated event after reconnect: caught by the catch-up scenario', async () => {
    const entry = await brokenCopy('event-log.js', 'e.seq > sinceSeq', 'e.seq >= sinceSeq');
    const findings = await run(entry, { scenarios: ['catchup'] });
    expect(ids(findings)).toEqual(['catchup-duplicated']);
    expect(findings[0]!.message).toMatch(/^catchup: events-since\(\d+\): seq \d+ delivered again/);
  }, 60_000);

  it('a seq gap: flagged on the connection that saw it', async () => {
    const entry = await brokenCopy('event-log.js', '        return this.latest + 1;', '        return this.latest + (this.latest === 3 ? 2 : 1);');
    // The log insists on gapless seqs; take that guard out too, as a careless change would.
    const text = await fs.readFile(path.join(path.dirname(entry), 'event-log.js'), 'utf8');
    if (!text.includes('event.seq !== this.latest + 1')) throw new Error('patch anchor not found in event-log.js: the seq guard');
    await fs.writeFile(path.join(path.dirname(entry), 'event-log.js'), text.replace('event.seq !== this.latest + 1', 'event.seq <= this.latest'));
    const f = one(await run(entry, { traces: ['sessions'] }));
    expect(f.message).toBe('replay of sessions: event stream:chunk on main: seq jumps from 3 to 5 (1 missing)');
  }, 60_000);
});

describe('the built-in scenarios fail on a daemon that breaks their promise', () => {
  it('pending permissions not restored after a crash: state-lost-on-restart', async () => {
    const entry = await brokenCopy('runtime-state.js', '        for (const p of saved.permissions)\n            this.permissions.set(p.permissionId, p);\n', '');
    const findings = await run(entry, { scenarios: ['crash-recovery'] });
    expect(ids(findings)).toEqual(['state-lost-on-restart']);
    expect(findings[0]!.message).toMatch(/^crash-recovery: after kill -9 and restart, bootstrap does not list the pending permission "perm-/);
  }, 60_000);

  it('malformed lines ignored: malformed-line-unanswered', async () => {
    const entry = await brokenCopy('runtime/transports/local-ipc-server.js', '        if (!parsed.ok)\n            return this.send(conn, parsed.response);', '        if (!parsed.ok)\n            return;');
    const findings = await run(entry, { scenarios: ['malformed-line'] });
    expect(ids(findings)).toEqual(['malformed-line-unanswered']);
    expect(findings).toHaveLength(3);
  }, 60_000);

  it('stale cursors served as if fresh: stale-cursor-unhandled', async () => {
    const entry = await brokenCopy('event-log.js', 'if (sinceSeq < oldestSeq - 1 || sinceSeq > this.latest) {', 'if (false) {');
    const findings = await run(entry, { scenarios: ['stale-cursor'] });
    expect(ids(findings)).toEqual(['stale-cursor-unhandled']);
    expect(findings[0]!.message).toMatch(/^stale-cursor: events-since\(0\) after 300 events did not answer stale/);
  }, 60_000);
});
