import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, normalize, runBuiltCli } from '../support/cli.js';
import { FIX, socketTarget, stdioTarget, tempDir } from './support.js';

let dir: { path: string; remove: () => Promise<void> };
const traces = () => path.join(dir.path, 'traces');

function writeConfig(overrides: Record<string, unknown> = {}, tag = ''): void {
  const env = tag ? { FIXTURE_TAG: tag } : {};
  const config = {
    harness: {
      old: { ...stdioTarget(), env: { ...env } },
      new: { ...socketTarget(), env: { ...env } },
      scenarios: ['scenarios'],
      traces: 'traces',
      // status answers with its pid and start time: process facts.
      compare: { ignore: [{ path: 'result.pid', command: 'status' }] },
      timeouts: { readyMs: 20_000, responseMs: 5000, waitMs: 10_000, settleMs: 50 },
      ...overrides,
    },
  };
  fs.writeFileSync(path.join(dir.path, 'cutover.config.json'), JSON.stringify(config, null, 2));
}

beforeEach(async () => {
  dir = await tempDir();
  fs.cpSync(path.join(FIX, 'cli/scenarios'), path.join(dir.path, 'scenarios'), { recursive: true });
  writeConfig();
});

afterEach(async () => {
  await dir.remove();
});

const cli = (args: string[]) => runBuiltCli(args, { cwd: dir.path, timeoutMs: 90_000 });

describe('cutover record / replay, end to end', () => {
  it('records every scenario, then replays clean; --json prints exactly one document', async () => {
    const rec = await cli(['record', '--json']);
    expect(rec.code, rec.stderr).toBe(0);
    const doc = JSON.parse(rec.stdout) as { ok: boolean; traces: { scenario: string; file: string }[] };
    expect(doc.ok).toBe(true);
    expect(doc.traces.map((t) => [t.scenario, t.file])).toEqual([
      ['basic', 'traces/basic.jsonl'],
      ['status', 'traces/status.jsonl'],
    ]);
    const rep = await cli(['replay', '--skip-builtins']);
    expect(rep.code, rep.stderr).toBe(0);
    expect(normalize(rep.stdout)).toMatch(/replay  basic +passed \(\d+ messages, [\d.]+ s\)\nreplay  status +passed/);
    expect(rep.stdout).toContain('2 traces replayed, 0 built-in scenarios run: all passed (0 errors, 0 warnings)');
  }, 120_000);

  it('a large trace compares in a worker thread from the built CLI, with the same findings at the same lines', async () => {
    fs.rmSync(path.join(dir.path, 'scenarios'), { recursive: true });
    fs.cpSync(path.join(FIX, 'cli/large'), path.join(dir.path, 'scenarios'), { recursive: true });
    expect((await cli(['record'])).code).toBe(0);
    const file = path.join(traces(), 'many.jsonl');
    const clean = await cli(['replay', '--skip-builtins', '--json']);
    expect(clean.code, clean.stderr).toBe(0);
    const unit = (JSON.parse(clean.stdout) as { units: { name: string; status: string; comparedIn: string; messages: number }[] }).units[0]!;
    expect(unit).toMatchObject({ name: 'many', status: 'passed', comparedIn: 'worker', messages: 2600 });

    // One answer near the end changed in the golden trace: found by the thread, at its line.
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"text":"message 2500"') && l.includes('"type":"response"'));
    lines[at] = lines[at]!.replace('"text":"message 2500"', '"text":"message 2500!"');
    fs.writeFileSync(file, lines.join('\n'));
    const rep = await cli(['replay', '--skip-builtins', '--json']);
    expect(rep.code).toBe(1);
    const doc = JSON.parse(rep.stdout) as { units: { comparedIn: string }[]; findings: { id: string; line: number; message: string }[] };
    expect(doc.units[0]!.comparedIn).toBe('worker');
    expect(doc.findings.map((f) => [f.id, f.line])).toEqual([['replay-changed-value', at + 1]]);
    expect(doc.findings[0]!.message).toContain('expected "message 2500!", got "message 2500"');
  }, 120_000);

  it('a difference: exit 1, located at the trace line, with a readable diff, in JSON and in JUnit too', async () => {
    expect((await cli(['record'])).code).toBe(0);
    const file = path.join(traces(), 'basic.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"title":"Basic"') && l.includes('"type":"response"'));
    lines[at] = lines[at]!.split('"title":"Basic"').join('"title":"Golden"');
    fs.writeFileSync(file, lines.join('\n'));

    const rep = await cli(['replay', '--skip-builtins', '--junit', 'reports/replay.xml']);
    expect(rep.code).toBe(1);
    expect(rep.stdout).toContain(`traces/basic.jsonl:${at + 1}  error response to create (request "1", main): changed value at result.title: expected "Golden", got "Basic" [replay-changed-value]`);
    expect(rep.stdout).toMatch(/-\s+"title": "Golden"/);
    expect(rep.stdout).toMatch(/\+\s+"title": "Basic"/);
    const xml = fs.readFileSync(path.join(dir.path, 'reports/replay.xml'), 'utf8');
    expect(xml).toContain('<testcase classname="cutover.replay" name="basic"');
    expect(xml).toMatch(/<failure message="\d+ errors?: response to create/);

    const json = await cli(['replay', '--skip-builtins', '--json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { ok: boolean; findings: { id: string; line: number }[] };
    expect(doc.ok).toBe(false);
    expect(doc.findings.map((f) => [f.id, f.line])).toContainEqual(['replay-changed-value', at + 1]);
  }, 120_000);

  it('golden-trace hygiene: --update none reports missing and obsolete traces, new records the missing, all drops the obsolete', async () => {
    fs.mkdirSync(traces());
    fs.writeFileSync(path.join(traces(), 'gone.jsonl'), fs.readFileSync(path.join(FIX, 'trace/valid.jsonl')));
    const none = await cli(['replay', '--skip-builtins']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('error scenario basic has no golden trace at traces/basic.jsonl [trace-missing]');
    expect(none.stdout).toContain('warning golden trace gone.jsonl belongs to no scenario [trace-obsolete]');
    expect(fs.existsSync(path.join(traces(), 'basic.jsonl'))).toBe(false);

    const fresh = await cli(['replay', '--skip-builtins', '--update', 'new']);
    expect(fresh.code, fresh.stdout).toBe(0);
    expect(fresh.stdout).toMatch(/replay  basic +passed \(recorded new/);
    expect(fs.existsSync(path.join(traces(), 'basic.jsonl'))).toBe(true);
    expect(fs.existsSync(path.join(traces(), 'gone.jsonl'))).toBe(true);

    const all = await cli(['replay', '--skip-builtins', '--update', 'all']);
    expect(all.code, all.stdout).toBe(0);
    expect(all.stdout).toMatch(/replay  basic +passed \(recorded again/);
    expect(fs.existsSync(path.join(traces(), 'gone.jsonl'))).toBe(false);
  }, 120_000);

  it('an invalid trace: exit 2 naming file and line', async () => {
    fs.mkdirSync(traces());
    fs.copyFileSync(path.join(FIX, 'trace/truncated.jsonl'), path.join(traces(), 'basic.jsonl'));
    const r = await cli(['replay', 'basic']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('traces/basic.jsonl:3: invalid trace: the last line is cut off (the file is truncated)');
  });

  it('a target that hangs: exit 3, what was awaited, and the tail of its stderr', async () => {
    writeConfig({ old: stdioTarget('hang') });
    const r = await cli(['record', 'basic']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cutover: target failed: timed out after 5000 ms waiting for the response to create (id "1") from old path (stdio) on connection main');
    expect(r.stderr).toContain("last lines of the target's stderr:");
    expect(r.stderr).toContain('| fixture cowork starting (mode hang)');
  }, 60_000);

  it('Ctrl-C ends the run and every target it started', async () => {
    const tag = randomUUID();
    writeConfig({ timeouts: { responseMs: 60_000, readyMs: 60_000 }, old: { ...stdioTarget('hang'), env: { FIXTURE_MODE: 'hang', FIXTURE_TAG: tag } } }, tag);
    const child = spawn(process.execPath, [CLI, 'record'], { cwd: dir.path, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await expect.poll(() => tagged(tag).length, { timeout: 20_000 }).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('SIGINT received, stopping what was started');
    // The run stops where it is: no "replay … on the new path" after the interrupt.
    expect(stderr).toMatch(/cutover: stopped: interrupted by SIGINT while waiting for/);
    await expect.poll(() => tagged(tag), { timeout: 5000 }).toEqual([]);
  }, 60_000);

  it('--help shows the options', async () => {
    const r = await cli(['replay', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--update none|new|all', '--builtin NAME', '--skip-builtins', '--junit FILE', '--json']) expect(r.stdout).toContain(opt);
  });
});

/** Live processes whose environment carries FIXTURE_TAG=tag. */
function tagged(tag: string): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`FIXTURE_TAG=${tag}`)) continue;
      if (/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))) continue;
      out.push(Number(pid));
    } catch {
      // gone
    }
  }
  return out;
}
