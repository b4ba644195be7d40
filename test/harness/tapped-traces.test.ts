// Traces written by cutover tap, as replay takes them: a tapped trace in the traces folder is a
// golden trace like a scenario's (replayed by default and by its name, never obsolete, never
// removed or rewritten by --update all), and a trace that holds no request is inconclusive.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTrace } from '../../harness/src/trace/read.js';
import { CLI, runBuiltCli } from '../support/cli.js';
import { COWORK_TARGET, FIX, socketTarget, stdioTarget, tempDir } from './support.js';

let dir: { path: string; remove: () => Promise<void> };
const traces = () => path.join(dir.path, 'traces');
const node = process.execPath;

beforeEach(async () => {
  dir = await tempDir();
  fs.cpSync(path.join(FIX, 'cli/scenarios'), path.join(dir.path, 'scenarios'), { recursive: true });
  const harness = {
    old: stdioTarget(),
    new: socketTarget(),
    scenarios: ['scenarios'],
    traces: 'traces',
    compare: { ignore: [{ path: 'result.pid', command: 'status' }] },
    timeouts: { readyMs: 20_000, responseMs: 5000, waitMs: 10_000, settleMs: 50 },
  };
  fs.writeFileSync(path.join(dir.path, 'cutover.config.json'), JSON.stringify({ harness }, null, 2));
});

afterEach(async () => {
  await dir.remove();
});

const cli = (args: string[]) => runBuiltCli(args, { cwd: dir.path, timeoutMs: 90_000 });

/** `cutover tap` in front of the cowork fixture on stdio: sends `requests` once it is ready, waits for their answers, then closes stdin. */
function tap(args: string[], requests: string[], answers = requests.length): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(node, [CLI, 'tap', ...args, '--', node, COWORK_TARGET], { cwd: dir.path, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (!sent && out.includes('"ready"')) {
      sent = true;
      for (const r of requests) child.stdin.write(`${r}\n`);
    }
    if (out.split('\n').filter((l) => l.includes('"success"')).length >= answers) child.stdin.end();
  });
  if (!requests.length) child.stdin.end();
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a tapped trace in the traces folder', () => {
  it('is named after its file, replayed by default and by name, never obsolete, and kept as it is by --update all', async () => {
    fs.mkdirSync(traces());
    const tapped = await tap(['--out', 'traces/app.jsonl'], ['{"id":"1","command":"create","params":{"title":"Tapped"}}', '{"id":"2","command":"echo","params":{"x":1}}']);
    expect(tapped.code, tapped.stderr).toBe(0);
    const file = path.join(traces(), 'app.jsonl');
    expect(readTrace(file).header).toMatchObject({ scenario: 'app', source: 'tap' });
    const before = fs.readFileSync(file, 'utf8');
    expect((await cli(['record'])).code).toBe(0);

    const all = await cli(['replay', '--skip-builtins']);
    expect(all.code, all.stdout).toBe(0);
    expect(all.stdout).toMatch(/replay {2}app +passed \(\d+ messages/);
    expect(all.stdout).not.toContain('trace-obsolete');
    expect(all.stdout).toContain('3 traces replayed, 0 built-in scenarios run: all passed (0 errors, 0 warnings)');

    const one = await cli(['replay', 'app', '--skip-builtins']);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(one.stdout).toContain('1 trace replayed, 0 built-in scenarios run: all passed');

    const update = await cli(['replay', '--skip-builtins', '--update', 'all']);
    expect(update.code, update.stdout + update.stderr).toBe(0);
    expect(update.stderr).toContain('kept traces/app.jsonl: it was tapped from real traffic (cutover tap) and cannot be recorded again');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  }, 180_000);

  it('an unknown name lists the tapped traces beside the scenarios', async () => {
    fs.mkdirSync(traces());
    expect((await tap(['--out', 'traces/app.jsonl'], ['{"id":"1","command":"echo","params":{"x":1}}'])).code).toBe(0);
    const r = await cli(['replay', 'nope', '--skip-builtins']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown scenario "nope"');
    expect(r.stderr).toContain('basic, status, app (tapped)');
  }, 60_000);
});

describe('a trace with no request', () => {
  it('a tap that heard nothing warns, and replaying its trace is inconclusive, not passed (exit 1)', async () => {
    const tapped = await tap(['--out', 'e.jsonl'], []);
    expect(tapped.code, tapped.stderr).toBe(0);
    expect(tapped.stderr).toContain('cutover tap: warning: recorded no message (no traffic went through)');
    expect(readTrace(path.join(dir.path, 'e.jsonl')).lines).toEqual([]);

    const r = await cli(['replay', 'e.jsonl', '--skip-builtins', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; summary: string; units: { name: string; status: string; reason: string }[]; findings: { id: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.units).toEqual([expect.objectContaining({ name: 'e', status: 'inconclusive', reason: 'the trace holds no request: nothing to compare' })]);
    expect(doc.findings.map((f) => f.id)).toEqual(['scenario-inconclusive']);
    expect(doc.summary).toContain('1 inconclusive');
  }, 60_000);

  it('a tap whose --profile does not fit the traffic warns that it recorded nothing it could read', async () => {
    const tapped = await tap(['--out', 'w.jsonl', '--profile', 'jsonrpc-content-length'], ['{"id":"1","command":"echo","params":{"x":1}}']);
    expect(tapped.code, tapped.stderr).toBe(0);
    expect(tapped.stderr).toContain('cutover tap: warning: recorded no message (what went over the wire could not be read as jsonrpc-content-length: is --profile right?)');
  }, 60_000);
});
