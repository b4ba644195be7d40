import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runBuiltCli } from '../support/cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/init/workspace');
const FILES = ['cutover.config.ts', 'cutover.matrix.yaml', 'RUNBOOK.md', 'SIGNOFF.md'];

describe('cutover init (built CLI, on a copy of a workspace)', () => {
  let dir: string;
  const cutover = (...args: string[]) => runBuiltCli(args, { cwd: dir, timeoutMs: 120_000 });
  const exists = (f: string) => fs.existsSync(path.join(dir, f));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-init-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    // As in an app that installed cutover: the compiled config is cached under its node_modules.
    fs.mkdirSync(path.join(dir, 'node_modules'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('without a terminal and without --yes, shows what it found and what it would write, writes nothing and exits 0', async () => {
    const r = await cutover('init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tauri 2 app in app/src-tauri/');
    expect(r.stdout).toContain('generate_handler![…] plugins/tauri-plugin-notes/src/lib.rs:10, 1 command(s), plugin "notes"');
    expect(r.stdout).toContain('  write  cutover.config.ts');
    expect(r.stdout).toContain('Nothing written: this is not a terminal and --yes was not given. Run `cutover init --yes` to write the files.');
    for (const f of FILES) expect(exists(f), f).toBe(false);
    const json = JSON.parse((await cutover('init', '--json')).stdout) as { written: string[]; files: { path: string; action: string }[] };
    expect(json.written).toEqual([]);
    expect(json.files.map((f) => [f.path, f.action])).toEqual(FILES.map((f) => [f, 'write']));
  });

  it('--yes writes a config that loads and checks, a matrix the matrix verbs read, a runbook and a sign-off file the gate reads', async () => {
    const r = await cutover('init', '--yes');
    expect(r.code).toBe(0);
    for (const f of FILES) expect(r.stdout).toContain(`wrote ${f}`);
    const config = JSON.parse((await cutover('config', '--json')).stdout) as { config: { manifests: Record<string, Record<string, unknown>> } };
    const m = config.config.manifests;
    expect(m.rust).toEqual({ include: ['app/src-tauri/**/*.rs', 'plugins/tauri-plugin-notes/**/*.rs'], forwardCalls: ['sidecar_request'] });
    expect(m.sidecar).toEqual({ include: ['sidecar/src/**/*.ts'], switchDiscriminants: ['cmd'], emitters: ['send'] });
    expect(m.frontend).toEqual({ include: ['packages/api/src/**/*.ts', 'tools/panel/**/*.ts', 'web/**/*.tsx'], listenFunctions: ['bridge.listen'] });
    // Every value says where it was found.
    const text = fs.readFileSync(path.join(dir, 'cutover.config.ts'), 'utf8');
    expect(text).toContain('// Sidecar in sidecar/: it reads requests from stdin at sidecar/src/main.ts:27.');
    expect(text).toContain("bridge.call(…) is called 2× with a literal name; its member at packages/api/src/index.ts:10 hands the name to Tauri's invoke, but routes it");

    const check = await cutover('check', '--json');
    expect(check.code).toBe(0);
    const found = JSON.parse(check.stdout) as { summary: { error: number }; findings: { id: string; data?: { name?: string } }[] };
    expect(found.summary.error).toBe(0);
    // What it still says is true of the fixture: notes_clear is handled but nothing forwards to it; bridge.call hides its names.
    expect(found.findings.map((f) => `${f.id} ${f.data?.name ?? ''}`.trim()).sort()).toEqual(['unforwarded-handler notes_clear', 'unresolved-name cmd']);

    const plan = await cutover('matrix', 'plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('contract.check');
    const gate = await cutover('gate', '--os', 'host', '--json', '--no-dashboard');
    expect(gate.code).toBe(1);
    const verdict = JSON.parse(gate.stdout) as { verdict: string; reasons: { id: string }[] };
    expect(verdict.verdict).toBe('BLOCK');
    const ids = new Set(verdict.reasons.map((x) => x.id));
    expect(ids.has('gate-task-open')).toBe(true);
    expect(ids.has('gate-signoff-missing')).toBe(true);
    expect(ids.has('gate-input-unreadable')).toBe(false);
    expect(ids.has('gate-internal-error')).toBe(false);
  });

  it('never replaces a file without --force, and keeps a config of another kind', async () => {
    expect((await cutover('init', '--yes')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'RUNBOOK.md'), '# ours\n');
    const again = await cutover('init', '--yes');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing written: every file exists (--force replaces them).');
    expect(again.stdout).toContain('  keep  RUNBOOK.md  (it exists (--force replaces it))');
    expect(fs.readFileSync(path.join(dir, 'RUNBOOK.md'), 'utf8')).toBe('# ours\n');
    const forced = await cutover('init', '--yes', '--force');
    expect(forced.stdout).toContain('wrote RUNBOOK.md');
    expect(fs.readFileSync(path.join(dir, 'RUNBOOK.md'), 'utf8')).toContain('`MIG-P0-001`');

    fs.rmSync(path.join(dir, 'cutover.config.ts'));
    fs.writeFileSync(path.join(dir, 'cutover.config.json'), '{ "name": "ours" }\n');
    const other = await cutover('init', '--yes', '--force');
    expect(other.stdout).toContain('  keep  cutover.config.ts  (cutover.config.json is this repository\'s config already)');
    expect(exists('cutover.config.ts')).toBe(false);
  });

  // util-linux's `script` gives the CLI a terminal, as a person running it has.
  const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a terminal it asks, and writes only on yes', () => {
    const ask = (answer: string) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} init`, '/dev/null'], { cwd: dir, input: `${answer}\n`, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', CI: '' } });
    const no = ask('n');
    expect(no.stdout).toContain('Write these files? [y/N]');
    expect(no.stdout).toContain('Nothing written.');
    for (const f of FILES) expect(exists(f), f).toBe(false);
    const yes = ask('y');
    for (const f of FILES) expect(yes.stdout).toContain(`wrote ${f}`);
    for (const f of FILES) expect(exists(f), f).toBe(true);
  });
});
