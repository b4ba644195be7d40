// cutover tap --socket in front of a daemon that goes away while no client is connected: the tap
// notices on its own (the daemon's socket file gone, or a probe connection refused), writes the
// trace so far, says why, exits 0 as documented and leaves its own socket behind it removed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTrace } from '../../harness/src/trace/read.js';
import { CLI } from '../support/cli.js';
import { ExampleSandbox } from '../support/example.js';
import { EXAMPLE_CONFIG, FIX, tempDir } from './support.js';

const node = process.execPath;
let sandbox: ExampleSandbox;
let dir: { path: string; remove: () => Promise<void> } | undefined;
const children: ChildProcess[] = [];

beforeAll(() => {
  sandbox = new ExampleSandbox();
});

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sandbox.cleanup();
  await dir?.remove();
  dir = undefined;
});

/** Starts the tap; resolves once it listens, with its exit (code and everything it printed on stderr). */
function startTap(args: string[], cwd: string): Promise<{ ended: Promise<{ code: number | null; stderr: string }> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [CLI, 'tap', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    const ended = new Promise<{ code: number | null; stderr: string }>((done) => child.on('close', (code) => done({ code, stderr })));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('listening on')) resolve({ ended });
    });
    child.on('close', (code) => reject(new Error(`tap exited ${code} before it listened:\n${stderr}`)));
  });
}

/** The tap's end, or a failure after `ms`: before the fix it never ended. */
async function endsWithin<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('cutover tap --socket: the daemon goes away while no client is connected', () => {
  it('a daemon that stops and removes its socket ends the tap: trace so far written, why said, exit 0, its socket removed', async () => {
    dir = await tempDir();
    const daemon = await sandbox.daemon(path.join(dir.path, 'd'));
    const tapSock = path.join(dir.path, 'tap.sock');
    const trace = path.join(dir.path, 'app.jsonl');
    const tap = await startTap(['--socket', tapSock, '--upstream', daemon.file.socket, '--out', trace, '--config', EXAMPLE_CONFIG], dir.path);
    // One client session through the tap, then the client is gone.
    const app = spawn(node, [path.join(FIX, 'tap/app.mjs'), '--socket', tapSock, '--token-file', daemon.file.token], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(app);
    expect(await new Promise<number | null>((r) => app.on('close', r))).toBe(0);
    await daemon.stop('SIGTERM');
    expect(fs.existsSync(daemon.file.socket)).toBe(false);

    const end = await endsWithin(tap.ended, 15_000, 'the tap, after its daemon went away');
    expect(end.code, end.stderr).toBe(0);
    expect(end.stderr).toContain(`cutover tap: the daemon went away: its socket ${daemon.file.socket} is gone`);
    expect(end.stderr).toMatch(/cutover tap: wrote .*app\.jsonl \(\d+ lines: 7 requests, \d+ events\)/);
    expect(fs.existsSync(tapSock)).toBe(false);
    expect(readTrace(trace).lines.filter((l) => l.type === 'request')).toHaveLength(7);
  }, 120_000);

  it('a TCP daemon that stops listening ends the tap at the next probe connection', async () => {
    dir = await tempDir();
    // A stand-in daemon that answers every request line.
    const server = net.createServer((s) => {
      s.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n').filter(Boolean)) s.write(`${JSON.stringify({ id: (JSON.parse(line) as { id: string }).id, success: true, result: { ok: true } })}\n`);
      });
      s.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const tapSock = path.join(dir.path, 'tap.sock');
    const trace = path.join(dir.path, 'tcp.jsonl');
    const tap = await startTap(['--socket', tapSock, '--upstream', `tcp://127.0.0.1:${port}`, '--out', trace, '--profile', 'cowork-ndjson'], dir.path);
    const client = net.connect(tapSock);
    client.write('{"id":"1","command":"echo","params":{"x":1}}\n');
    await new Promise<void>((r) => client.once('data', () => r()));
    client.destroy();
    await new Promise<void>((r) => server.close(() => r()));

    const end = await endsWithin(tap.ended, 15_000, 'the tap, after its TCP daemon went away');
    expect(end.code, end.stderr).toBe(0);
    expect(end.stderr).toMatch(new RegExp(`cutover tap: the daemon at tcp://127\\.0\\.0\\.1:${port} went away \\(a probe connection failed: ECONNREFUSED\\)`));
    expect(fs.existsSync(tapSock)).toBe(false);
    expect(readTrace(trace).lines.filter((l) => l.type === 'request' || l.type === 'response')).toHaveLength(2);
  }, 60_000);
});
