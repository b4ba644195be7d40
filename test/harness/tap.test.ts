// cutover tap between a real client and the example, on stdio and on a socket: what each side
// receives is byte for byte what the other sent (sha256 on both ends, with and without the tap),
// and the trace it writes replays clean against the daemon.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTrace } from '../../harness/src/trace/read.js';
import { CLI, runBuiltCli } from '../support/cli.js';
import { ExampleSandbox, SIDECAR_ENTRY } from '../support/example.js';
import { EXAMPLE_CONFIG, FIX, tempDir } from './support.js';

const TAP = path.join(FIX, 'tap');
const APP = path.join(TAP, 'app.mjs');
const node = process.execPath;

let sandbox: ExampleSandbox;
let dir: { path: string; remove: () => Promise<void> };
const children: ChildProcess[] = [];

beforeAll(() => {
  sandbox = new ExampleSandbox();
});

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sandbox.cleanup();
  await dir?.remove();
});

interface AppReport {
  sent: string;
  sentBytes: number;
  received: string;
  receivedBytes: number;
  code: number | null;
}

interface TeeReport {
  received: string;
  inBytes: number;
  wrote: string;
  outBytes: number;
}

/** Runs a node script to its end; its stdout is one JSON report. */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<{ report: AppReport; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => reject(new Error(`node ${args.join(' ')} did not end within ${timeoutMs} ms\n${err}`)), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`node ${path.basename(args[0]!)} exited ${code}\n${err}`));
      resolve({ report: JSON.parse(out) as AppReport, stderr: err });
    });
  });
}

/** Starts a long-running node process and resolves once `ready` shows on the stream named. */
function startNode(args: string[], ready: RegExp, stream: 'stdout' | 'stderr', env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let text = '';
    const timer = setTimeout(() => reject(new Error(`node ${args.join(' ')} never printed ${ready}:\n${text}`)), 30_000);
    child[stream]!.on('data', (d: Buffer) => {
      text += d.toString();
      if (ready.test(text)) {
        clearTimeout(timer);
        resolve({ child, output: () => text });
      }
    });
    child.on('close', (code) => reject(new Error(`node ${args.join(' ')} exited ${code} before it was ready:\n${text}`)));
  });
}

const tee = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as TeeReport;

/** Every byte the app sent reached the target, and every byte the target wrote reached the app. */
function unchanged(app: AppReport, target: TeeReport): void {
  expect({ bytes: app.sentBytes, sha256: app.sent }).toEqual({ bytes: target.inBytes, sha256: target.received });
  expect({ bytes: app.receivedBytes, sha256: app.received }).toEqual({ bytes: target.outBytes, sha256: target.wrote });
  expect(app.sentBytes).toBeGreaterThan(500);
  expect(app.receivedBytes).toBeGreaterThan(2000);
}

async function replayClean(trace: string): Promise<void> {
  const r = await runBuiltCli(['replay', trace, '--skip-builtins', '--config', EXAMPLE_CONFIG], { timeoutMs: 90_000 });
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  expect(r.stdout).toMatch(/1 trace replayed, 0 built-in scenarios run: all passed \(0 errors, 0 warnings\)/);
}

describe('cutover tap -- <sidecar command> (stdio)', () => {
  it('passes every byte both ways unchanged, exits as the sidecar did, and writes a trace that replays clean against the daemon', async () => {
    dir = await tempDir();
    const sidecar = [node, path.join(TAP, 'tee.mjs'), node, SIDECAR_ENTRY];
    fs.mkdirSync(path.join(dir.path, 'a'));
    fs.mkdirSync(path.join(dir.path, 'b'));
    // Without the tap: the app spawns the sidecar itself.
    const direct = await runNode([APP, '--stdio', path.join(dir.path, 'a'), '--', ...sidecar], { TEE_REPORT: path.join(dir.path, 'direct.json') });
    unchanged(direct.report, tee(path.join(dir.path, 'direct.json')));
    // With the tap where the app starts its sidecar.
    const trace = path.join(dir.path, 'app-session.jsonl');
    const tapped = await runNode([APP, '--stdio', path.join(dir.path, 'b'), '--', node, CLI, 'tap', '--config', EXAMPLE_CONFIG, '--out', trace, '--name', 'app-session', '--', ...sidecar], {
      TEE_REPORT: path.join(dir.path, 'tapped.json'),
    });
    unchanged(tapped.report, tee(path.join(dir.path, 'tapped.json')));
    expect(tapped.report.code).toBe(0);
    expect(tapped.report.receivedBytes).toBeGreaterThan(direct.report.receivedBytes * 0.8);

    const t = readTrace(trace);
    expect(t.header).toMatchObject({ scenario: 'app-session', transport: 'stdio', profile: 'cowork-ndjson' });
    const requests = t.lines.filter((l) => l.type === 'request');
    expect(requests.map((l) => l.type === 'request' && l.command)).toEqual(['initialize', 'agent_create_session', 'agent_send_message', 'agent_send_message', 'agent_respond_permission', 'agent_get_session', 'agent_list_sessions', 'agent_delete_session']);
    // What the target generated goes back as a reference, and the replay waits where the app waited.
    expect(requests[4]).toMatchObject({ template: { sessionId: '{{r1.result.id}}', permissionId: '{{e1.data.permissionId}}', decision: 'allow' } });
    expect(t.lines.filter((l) => l.type === 'control' && l.op === 'wait').length).toBeGreaterThanOrEqual(3);
    await replayClean(trace);
  }, 180_000);
});

describe('cutover tap --socket PATH --upstream ENDPOINT', () => {
  it('passes every byte both ways unchanged between a client and the daemon, and writes a trace that replays clean', async () => {
    dir = await tempDir();
    const daemon = await sandbox.daemon(path.join(dir.path, 'd'));
    const tokenFile = daemon.file.token;
    // Without the tap: the app talks to the daemon through the hashing proxy only.
    const teeSock = path.join(dir.path, 'tee1.sock');
    await startNode([path.join(TAP, 'tee-socket.mjs'), teeSock, daemon.file.socket], /listening/, 'stdout', { TEE_REPORT: path.join(dir.path, 'direct.json') });
    const direct = await runNode([APP, '--socket', teeSock, '--token-file', tokenFile]);
    await waitForFile(path.join(dir.path, 'direct.json'));
    unchanged(direct.report, tee(path.join(dir.path, 'direct.json')));
    // With the tap in front of the proxy.
    const teeSock2 = path.join(dir.path, 'tee2.sock');
    await startNode([path.join(TAP, 'tee-socket.mjs'), teeSock2, daemon.file.socket], /listening/, 'stdout', { TEE_REPORT: path.join(dir.path, 'tapped.json') });
    const tapSock = path.join(dir.path, 'tap.sock');
    const trace = path.join(dir.path, 'daemon-session.jsonl');
    const tap = await startNode([CLI, 'tap', '--socket', tapSock, '--upstream', teeSock2, '--out', trace, '--name', 'daemon-session', '--config', EXAMPLE_CONFIG], /listening on/, 'stderr');
    expect(fs.statSync(tapSock).mode & 0o777).toBe(0o600);
    const tapped = await runNode([APP, '--socket', tapSock, '--token-file', tokenFile]);
    await waitForFile(path.join(dir.path, 'tapped.json'));
    unchanged(tapped.report, tee(path.join(dir.path, 'tapped.json')));
    // Ended by a signal, as a person ends it: the trace so far is written, the socket removed.
    const ended = new Promise<number | null>((resolve) => tap.child.on('close', resolve));
    tap.child.kill('SIGTERM');
    expect(await ended).toBe(143);
    expect(tap.output()).toMatch(/cutover tap: wrote .*daemon-session\.jsonl \(\d+ lines: 7 requests, \d+ events\)/);
    expect(fs.existsSync(tapSock)).toBe(false);
    const text = fs.readFileSync(trace, 'utf8');
    // The client's token went to the daemon, never into the trace.
    expect(text).not.toContain(daemon.token());
    expect(readTrace(trace).header).toMatchObject({ transport: 'socket' });
    await replayClean(trace);
  }, 180_000);
});

describe('cutover tap: when either side fails', () => {
  it('a sidecar that crashes ends the tap with the trace so far, its stderr passed on, and its exit code', async () => {
    dir = await tempDir();
    const trace = path.join(dir.path, 'crash.jsonl');
    const child = spawn(node, [CLI, 'tap', '--out', trace, '--', node, path.join(FIX, 'targets/cowork.mjs')], { env: { ...process.env, FIXTURE_MODE: 'crash' }, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Once the ready line is through, ask something: the fixture crashes on it.
      if (out.includes('"ready"') && !child.stdin.writableEnded) child.stdin.write('{"id":"1","command":"echo","params":{"x":1}}\n');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(7);
    expect(out.trim()).toBe('{"type":"ready","data":{"pid":' + /"pid":(\d+)/.exec(out)![1] + '}}');
    expect(err).toContain('fixture: segfault in handler (simulated)');
    expect(err).toMatch(/cutover tap: wrote .*crash\.jsonl \(1 lines: 1 requests, 0 events\)/);
    expect(readTrace(trace).lines).toEqual([expect.objectContaining({ type: 'request', command: 'echo', params: { x: 1 } })]);
  }, 60_000);

  it('says what is missing when it has nothing to tap (exit 2)', async () => {
    dir = await tempDir();
    const none = await runBuiltCli(['tap', '--out', 'x.jsonl'], { cwd: dir.path });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nothing to tap: give the sidecar command after --');
    const half = await runBuiltCli(['tap', '--socket', 'a.sock'], { cwd: dir.path });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--socket and --upstream go together');
    const nowhere = await runBuiltCli(['tap', '--', 'node', '-e', '0'], { cwd: dir.path });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('Give --out FILE');
  });
});

async function waitForFile(file: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was never written`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
