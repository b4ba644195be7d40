import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { analyze } from '../../manifests/src/project/analyze.js';
import { runChecks } from '../../manifests/src/project/check.js';
import { runBuiltCli } from '../support/cli.js';
import { expectedOutput, extractFixture, factsOf, FIXTURES } from './rust-fixture.js';

const DIR = path.join(FIXTURES, 'rust-control-plane');
const checkOf = async (config: string) => {
  const a = await analyze(manifestOptions(await loadConfig({ configPath: path.join(DIR, `${config}.config.json`) })));
  return { a, findings: runChecks(a) };
};
const summary = (fs: { severity: string; id: string; file?: string; line?: number }[]) => fs.map((f) => `${f.severity} ${f.id} ${f.file ?? '-'}:${f.line ?? '-'}`);

describe('the control plane of a Rust daemon', () => {
  it('reads the commands a dispatch answers and the requests clients build, in all three shapes', async () => {
    const out = await extractFixture('rust-control-plane');
    const handlers = factsOf(out, 'control-handler').map((h) => `${h.loc.file}:${h.loc.line} ${h.name}`);
    expect(handlers).toEqual([
      // #[serde(tag = "cmd", rename_all = "snake_case")]: the variants, by serde's names.
      'enum-daemon/src/protocol.rs:7 status',
      'enum-daemon/src/protocol.rs:8 sync',
      'enum-daemon/src/protocol.rs:12 shutdown',
      'enum-daemon/src/protocol.rs:13 reload_config',
      // match req.cmd.as_str() { … }, an or-pattern giving two names.
      'match-daemon/src/main.rs:23 status',
      'match-daemon/src/main.rs:24 sync',
      'match-daemon/src/main.rs:25 logs',
      'match-daemon/src/main.rs:25 tail',
      // match cmd (a let bound to req.get("cmd")…) with a const arm, and an if/else-if chain on req["cmd"].
      'value-daemon/src/main.rs:13 ping',
      'value-daemon/src/main.rs:14 shutdown',
      'value-daemon/src/main.rs:20 rotate',
      'value-daemon/src/main.rs:22 flush',
      'value-daemon/src/main.rs:22 sync_all',
    ]);
    const reload = factsOf(out, 'control-handler').find((h) => h.name === 'reload_config')!;
    expect(reload.params).toEqual({ type: 'object', properties: { force: { type: 'boolean' }, path: { type: 'string' } }, required: ['path'] });
    // An arm's reads: the request's fields it uses, also inside json! bodies.
    expect(factsOf(out, 'control-handler').filter((h) => h.how === 'match req.cmd.as_str()').map((h) => [h.name, h.reads?.map((k) => k.key)])).toEqual([
      ['status', []],
      ['sync', ['codebase']],
      ['logs', ['lines']],
      ['tail', ['lines']],
    ]);
    const requests = factsOf(out, 'control-request').map((r) => `${r.loc.file}:${r.loc.line} ${r.name} ${JSON.stringify(r.keys ?? null)}`);
    expect(requests).toEqual([
      // Request::X values, not the match patterns of the daemon nor its #[cfg(test)] code.
      'enum-daemon/src/client.rs:9 status []',
      'enum-daemon/src/client.rs:13 sync ["codebase"]',
      'enum-daemon/src/client.rs:17 shutdown []',
      'match-daemon/src/client.rs:8 status []',
      'match-daemon/src/client.rs:12 sync ["codebase"]',
      'match-daemon/src/client.rs:17 logs ["line"]',
      'match-daemon/src/client.rs:22 stats []',
      // Through the helper command(cmd), at its call: the helper's own json! is no request then.
      'match-daemon/src/client.rs:31 tail []',
      // A struct literal of a Serialize struct (its fields are the type's, so not listed; Spawn { cmd }
      // at :36 is not Serialize, so no request), json! through a const.
      'value-daemon/src/client.rs:14 ping null',
      'value-daemon/src/client.rs:18 shutdown []',
      'value-daemon/src/client.rs:22 rotate ["keep"]',
    ]);
    expect(factsOf(out, 'unresolved').map((u) => `${u.role} ${u.loc.file}:${u.loc.line} ${u.expression}`)).toEqual(['request value-daemon/src/client.rs:27 name']);
    expect(out).toEqual(expectedOutput('rust-control-plane'));
  });

  it('check: an unhandled request is an error, an unused command and an unread key are warnings (a helper\'s callers count as clients)', async () => {
    expect(summary((await checkOf('enum-daemon')).findings)).toEqual(['warning control-unused src/protocol.rs:13']);
    const match = (await checkOf('match-daemon')).findings;
    expect(summary(match)).toEqual(['error control-unhandled src/client.rs:22', 'warning control-key-mismatch src/client.rs:17']);
    expect(match[0]!.message).toBe("fn stats asks the daemon for 'stats', a command its dispatch does not handle, so the daemon answers with an error; did you mean \"status\"?");
    expect(match[1]!.message).toContain('line is sent but never read');
    const value = (await checkOf('value-daemon')).findings;
    expect(summary(value)).toEqual(['warning unresolved-name src/client.rs:27', 'warning control-unused src/main.rs:22', 'warning control-unused src/main.rs:22']);
    expect(value[1]!.message).toContain('a request whose name is not known statically could (src/client.rs:27)');
  });

  it('a configured control plane whose daemon dispatch is not found says so (nothing-extracted), once', async () => {
    const { findings } = await checkOf('clients-only');
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.data?.group as string}`)).toEqual(['warning nothing-extracted controlPlane']);
    expect(findings[0]!.message).toContain('manifests.rust.controlPlane found no dispatch of a daemon in src/client.rs');
  });

  it('commands.json lists the control commands with their params, the daemon as producer and the clients as consumers', async () => {
    const { a } = await checkOf('enum-daemon');
    const sync = a.manifests.commands.commands.find((c) => c.name === 'sync')!;
    expect(sync.params).toEqual({ type: 'object', properties: { codebase: { type: ['null', 'string'] } } });
    expect(sync.producers.map((p) => `${p.side} ${p.kind} ${p.file}:${p.line}`)).toEqual(['rust handler src/protocol.rs:8']);
    expect(sync.consumers.map((p) => `${p.side} ${p.kind} ${p.from} ${p.file}:${p.line}`)).toEqual(['rust request request_sync src/client.rs:13']);
  });
});

describe('drift on a control plane', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const copy = async (shape: string) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-control-drift-'));
    fs.cpSync(path.join(DIR, 'input', shape), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cutover.config.json'), JSON.stringify({ manifests: { locations: false, cache: false, rust: { include: ['src/**/*.rs'], controlPlane: {} } } }));
    const update = await runBuiltCli(['manifest', '--update'], { cwd: dir, timeoutMs: 90_000 });
    expect(update.code).toBe(0);
  };
  const edit = (rel: string, from: string, to: string) => {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    if (!text.includes(from)) throw new Error(`mutation did not apply to ${rel}`);
    fs.writeFileSync(path.join(dir, rel), text.replace(from, to));
  };
  const breaking = async () => {
    const r = await runBuiltCli(['drift', '--json'], { cwd: dir, timeoutMs: 90_000 });
    const doc = JSON.parse(r.stdout) as { changes: { class: string; message: string }[] };
    return { code: r.code, changes: doc.changes.filter((c) => c.class !== 'metadata').map((c) => `${c.class}: ${c.message}`) };
  };

  it('renaming a variant of the request enum is breaking (the daemon no longer reads the old name)', async () => {
    await copy('enum-daemon');
    expect((await breaking()).changes).toEqual([]);
    edit('src/protocol.rs', '#[serde(rename = "shutdown")]', '#[serde(rename = "halt")]');
    expect(await breaking()).toEqual({ code: 1, changes: ['breaking: command shutdown: renamed to halt (same schemas); callers of shutdown break'] });
  }, 120_000);

  it('renaming an arm of a match dispatch is breaking', async () => {
    await copy('match-daemon');
    edit('src/main.rs', '"sync" =>', '"sync_now" =>');
    const r = await breaking();
    expect(r.code).toBe(1);
    // The client still asks for sync: its entry stays, with nothing that answers it.
    expect(r.changes).toEqual(['additive: command sync_now: new command', "breaking: command sync: no handler of the daemon's control plane answers it any more; calls fail at run time"]);
  }, 120_000);
});
