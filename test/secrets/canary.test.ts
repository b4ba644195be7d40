import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARIES, CanaryApp, filesUnder } from './support.js';

/**
 * The secrets canary: distinctive tokens planted in every channel a secret reaches cutover by (a
 * daemon's token file, each secret key name, env of a target, of a row and of cutover itself, an
 * argv flag, URL userinfo, basic auth, header lines, output straddling the 4,000-character cut, a
 * secret supplied at replay time), then every file the built CLI writes and everything it prints
 * for config, record, replay, matrix run and gate is scanned: no 12 characters of a token may show.
 * The app (test/fixtures/secrets/canary) is a config, two scenarios, a matrix and small node targets.
 */
let app: CanaryApp;
beforeEach(() => (app = new CanaryApp()));
afterEach(() => app.remove());

describe('the secrets canary', () => {
  it('the planted channels really carry the tokens (the scan below is not vacuous)', () => {
    const out = spawnSync(process.execPath, ['print.mjs', '--db-password', CANARIES.rowArgv], {
      cwd: app.dir,
      env: { ...process.env, ROW_API_TOKEN: CANARIES.rowEnv, CANARY_INHERITED_TOKEN: CANARIES.inherited },
      encoding: 'utf8',
    }).stdout;
    const c = CANARIES;
    for (const v of [c.bearer, c.cookieHeader, c.apiKeyHeader, c.urlUserinfo, c.basicAuth, c.rowEnv, c.rowArgv, c.inherited, c.straddle]) expect(out).toContain(v);
  }, 30_000);

  it('no token reaches a file or the output of config, record, replay, matrix run and gate', async () => {
    // config prints the resolved config: the env secrets and flag arguments are masked.
    expect((await app.cutover(['config'])).code).toBe(0);
    expect((await app.cutover(['config', '--json'])).code).toBe(0);

    // record: the old path on stdio gets every key name, its argv, env, and the replay-time secret.
    expect((await app.cutover(['record'])).code).toBe(0);
    expect((await app.cutover(['record', '--json'])).code).toBe(0);
    const trace = app.file('traces/canary.jsonl');
    expect(trace).toContain('"replayKey":{"$secret":"CANARY_REPLAY_KEY"}');
    expect(trace).toContain('"maxTokens":4096');
    expect(trace.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(13);

    // replay: the daemon answers with more than the sidecar did (its token, env, argv): a difference
    // that quotes both sides, in text, --json, JUnit and with --debug.
    const replay = await app.cutover(['replay', '--skip-builtins']);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('replay-changed-value');
    expect(replay.stdout).toContain('request login would send [REDACTED] as params.password');
    expect((await app.cutover(['replay', '--skip-builtins', '--json', '--junit', 'reports/replay.xml'])).code).toBe(1);
    expect((await app.cutover(['replay', '--skip-builtins', '--debug'])).code).toBe(1);
    const logs = filesUnder(path.join(app.dir, 'logs')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(logs).toContain('canary target starting: db password [REDACTED], upstream https://svc:[REDACTED]@up.internal/v1, env [REDACTED], inherited [REDACTED]');

    // matrix run: a leaky check (fails, so its output is stored), a check printing the daemon's
    // token across the cut, and the harness replay as a row; report, evidence and stored outputs.
    expect((await app.cutover(['matrix', 'run'])).code).toBe(1);
    const matrixJson = await app.cutover(['matrix', 'run', '--json']);
    expect(matrixJson.code).toBe(1);
    const report = JSON.parse(app.file('.cutover/matrix/report.json')) as { cells: { row: string; os: string; status: string; runs?: { output: string }[] }[] };
    const ran = report.cells.filter((c) => c.os === 'linux');
    expect(ran.map((c) => [c.row, c.status])).toEqual([
      ['secrets.output', 'failed'],
      ['secrets.target', 'failed'],
      ['secrets.harness', 'failed'],
    ]);
    expect(ran[0]!.runs![0]!.output).toContain('Authorization: [REDACTED]');
    // Both outputs were cut to their last 4,000 characters, redacted first.
    for (const c of ran.slice(0, 2)) expect(c.runs![0]!.output).toMatch(/^… \(\d+ lines, last \d+ shown\)\n[\s\S]*\[REDACTED\]/);
    const stored = app.file('docs/migration-evidence/SEC-1.outputs/1.log');
    expect(stored).toContain(`argv says [REDACTED]`);

    // gate: text, --json, --debug, the summary file, the GitHub step summary and the dashboard.
    expect((await app.cutover(['gate', '--os', 'host'])).code).toBe(1);
    expect((await app.cutover(['gate', '--os', 'host', '--json'])).code).toBe(1);
    expect((await app.cutover(['gate', '--os', 'host', '--debug', '--explain', '--summary', 'reports/summary.md'])).code).toBe(1);
    const stepSummary = path.join(app.dir, 'reports/step-summary.md');
    expect((await app.cutover(['gate', '--os', 'host'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary })).code).toBe(1);
    for (const f of ['reports/summary.md', 'reports/step-summary.md', 'reports/replay.xml', '.cutover/dashboard/index.html', '.cutover/dashboard/gate.json']) {
      expect(fs.existsSync(path.join(app.dir, f)), f).toBe(true);
    }

    app.expectNoLeak();
  }, 600_000);
});

/**
 * Channels of the process layer: output a target writes before it is ready, when the secret that
 * output holds (the target's own token file) is not read yet. They need the token file watched
 * from spawn and pre-ready output held until it is known.
 */
describe('the secrets canary: output before ready', () => {
  it('a token a harness target prints on stderr before ready reaches no log', earlyStderr, 300_000);
  it('a harness target that fails before ready after printing its token leaks it nowhere', harnessFailsBeforeReady, 300_000);
  it('a matrix target that fails before ready after printing its token leaks it nowhere', matrixFailsBeforeReady, 300_000);
});

async function earlyStderr(): Promise<void> {
  expect((await app.cutover(['record', 'canary'])).code).toBe(0);
  const r = await app.cutover(['replay', 'canary', '--skip-builtins'], { CANARY_MODE: 'early-stderr' });
  expect(r.code).toBe(1);
  const logs = filesUnder(path.join(app.dir, 'logs')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  expect(logs).toContain('my token is [REDACTED]');
  app.expectNoLeak();
}

async function harnessFailsBeforeReady(): Promise<void> {
  expect((await app.cutover(['record', 'canary'])).code).toBe(0);
  for (const flags of [[], ['--json'], ['--debug']]) {
    const r = await app.cutover(['replay', 'canary', '--skip-builtins', ...flags], { CANARY_MODE: 'fail-before-ready' });
    expect(r.code).toBe(3);
  }
  app.expectNoLeak();
}

async function matrixFailsBeforeReady(): Promise<void> {
  expect((await app.cutover(['record', 'canary'])).code).toBe(0);
  expect((await app.cutover(['matrix', 'run', '--json'], { CANARY_MODE: 'fail-before-ready' })).code).toBe(1);
  const report = JSON.parse(app.file('.cutover/matrix/report.json')) as { cells: { row: string; os: string; status: string; message: string }[] };
  const target = report.cells.find((c) => c.row === 'secrets.target' && c.os === 'linux')!;
  expect(target.status).toBe('error');
  expect(target.message).toContain('matrix target token [REDACTED]');
  expect((await app.cutover(['gate', '--os', 'host', '--json'])).code).toBe(1);
  expect((await app.cutover(['gate', '--os', 'host', '--debug'])).code).toBe(1);
  app.expectNoLeak();
}

// Referenced by the cases above once they are enabled.
void [earlyStderr, harnessFailsBeforeReady, matrixFailsBeforeReady];
