import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runBuiltCli, type CliResult } from '../support/cli.js';

/**
 * The secrets canary: distinctive tokens planted in every channel a secret reaches cutover by (a
 * daemon's token file, each secret key name, env of a target and of a row, cutover's own env, an
 * argv flag, URL userinfo, basic auth, header lines, output straddling the 4,000-character cut, a
 * secret supplied at replay time), then every file the built CLI writes and everything it prints
 * for config, record, replay, matrix run and gate is scanned: none may hold a token, whole or half.
 * The app (test/fixtures/secrets/canary) is a config, a scenario, a matrix and small node targets.
 */
const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/secrets/canary');

const CANARIES = {
  // the harness targets: their token file, argv, a URL password in argv, env
  tokenFile: 'cnrytokenfile378892e9ecc387ab',
  harnessArgv: 'cnryharnessarg8b4585023a0286cc',
  harnessUrl: 'cnryharnessurle33b53f68e6f9833',
  harnessEnv: 'cnryharnessenv288305d32df5ce9f',
  // cutover's own environment, which every target and check inherits
  inherited: 'cnryinheritededd38fc7ef24f8e0',
  // supplied at record and replay time as {"$secret": "CANARY_REPLAY_KEY"}
  replayKey: 'cnryreplaykeycd0bbf8b961f83c3',
  // each secret key name in an answer
  accessToken: 'cnryaccesstoke169009b831460788',
  clientSecret: 'cnryclientsecr576a9b156bfc7caf',
  xApiKey: 'cnryxapikey17dfa283461468fe',
  cookie: 'cnrycookie4c138bdd4e724540',
  setCookie: 'cnrysetcookie7b1de8fa2b132d31',
  githubToken: 'cnrygithubtoke520914c40eef0928',
  dbPassword: 'cnrydbpassword79070b33cce9ba08',
  privateKey: 'cnryprivatekey4996e02eacd8d60c',
  sessionToken: 'cnrysessiontokf7c37768272e1069',
  sessionId: 'cnrysessionidde7225be6c3bf6ba',
  configuredKey: 'cnryconfiguredf915e48f914109fb',
  // a literal secret in a scenario's request, redacted in its trace
  lostParam: 'cnrylostparam9b54062479cfb5b7',
  // a matrix check's output: headers, URL userinfo, curl -u, its env and argv, a cut value
  bearer: 'cnrybearerbad30198596637c9',
  cookieHeader: 'cnrycookieheade3c3e2716c624bf3',
  apiKeyHeader: 'cnryapikeyhead227734ffac2b3a85',
  urlUserinfo: 'cnryurluserinfef3b1ea01c673b58',
  basicAuth: 'cnrybasicauthd152daf6d4d97965',
  rowEnv: 'cnryrowenv3871646c83770691',
  rowArgv: 'cnryrowargv877a471850d8fe71',
  straddle: 'cnrystraddlef4e68693fc0fada9a20a2756e8efcc0c',
  // the matrix target: argv, env, and the token file it names in secretFiles (printed across the cut)
  targetArgv: 'cnrytargetargv72926fdeabcf8c8b',
  targetEnv: 'cnrytargetenv50493ff17f014d56',
  matrixTokenFile: 'cnrymatrixtoke5c16941aa2603207',
};

/** A token leaks if any 12 characters of it show up: a cut keeps a part, at either end. */
const WINDOW = 12;
function leaks(text: string): string[] {
  const out: string[] = [];
  for (const [name, v] of Object.entries(CANARIES)) {
    for (let i = 0; i + WINDOW <= v.length; i++) {
      if (text.includes(v.slice(i, i + WINDOW))) {
        out.push(name);
        break;
      }
    }
  }
  return out;
}

let root: string;
let app: string;
let tmp: string;
const inputs = new Map<string, string>();
const printed: { what: string; result: CliResult }[] = [];

const env = () => ({ CANARY_INHERITED_TOKEN: CANARIES.inherited, CANARY_REPLAY_KEY: CANARIES.replayKey, TMPDIR: tmp });

async function cutover(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const result = await runBuiltCli(args, { cwd: app, env: { ...env(), ...extraEnv }, timeoutMs: 240_000 });
  printed.push({ what: `cutover ${args.join(' ')}${Object.keys(extraEnv).length ? ` (${Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`, result });
  return result;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** Every file cutover wrote or changed in the app and under its TMPDIR, with its path (names leak too). */
function written(): { file: string; text: string }[] {
  const all = [...filesUnder(app), ...filesUnder(tmp)];
  return all
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))
    .filter(({ file, text }) => inputs.get(file) !== text)
    .map(({ file, text }) => ({ file, text: `${path.relative(root, file)}\n${text}` }));
}

function expectNoLeak(): void {
  const found: string[] = [];
  for (const w of written()) for (const name of leaks(w.text)) found.push(`${name} in ${path.relative(root, w.file)}`);
  for (const p of printed) {
    for (const name of leaks(p.result.stdout)) found.push(`${name} on stdout of ${p.what}`);
    for (const name of leaks(p.result.stderr)) found.push(`${name} on stderr of ${p.what}`);
  }
  expect(found).toEqual([]);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-canary-'));
  app = path.join(root, 'app');
  tmp = path.join(root, 'tmp');
  fs.cpSync(FIXTURE, app, { recursive: true });
  fs.mkdirSync(tmp);
  for (const f of filesUnder(app)) inputs.set(f, fs.readFileSync(f, 'utf8'));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the secrets canary', () => {
  it('the planted channels really carry the tokens (the scan below is not vacuous)', () => {
    const out = spawnSync(process.execPath, ['print.mjs', '--db-password', CANARIES.rowArgv], {
      cwd: app,
      env: { ...process.env, ROW_API_TOKEN: CANARIES.rowEnv, CANARY_INHERITED_TOKEN: CANARIES.inherited },
      encoding: 'utf8',
    }).stdout;
    const c = CANARIES;
    for (const v of [c.bearer, c.cookieHeader, c.apiKeyHeader, c.urlUserinfo, c.basicAuth, c.rowEnv, c.rowArgv, c.inherited, c.straddle]) expect(out).toContain(v);
  }, 30_000);

  it('no token reaches a file or the output of config, record, replay, matrix run and gate', async () => {
    // config prints the resolved config: the env secrets and flag arguments are masked.
    expect((await cutover(['config'])).code).toBe(0);
    expect((await cutover(['config', '--json'])).code).toBe(0);

    // record: the old path on stdio gets every key name, its argv, env, and the replay-time secret.
    expect((await cutover(['record'])).code).toBe(0);
    expect((await cutover(['record', '--json'])).code).toBe(0);
    const trace = fs.readFileSync(path.join(app, 'traces/canary.jsonl'), 'utf8');
    expect(trace).toContain('"replayKey":{"$secret":"CANARY_REPLAY_KEY"}');
    expect(trace).toContain('"maxTokens":4096');
    expect(trace.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(13);

    // replay: the daemon answers with more than the sidecar did (its token, env, argv): a difference
    // that quotes both sides, in text, --json, JUnit and with --debug.
    const replay = await cutover(['replay', '--skip-builtins']);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('replay-changed-value');
    expect(replay.stdout).toContain('request login would send [REDACTED] as params.password');
    expect((await cutover(['replay', '--skip-builtins', '--json', '--junit', 'reports/replay.xml'])).code).toBe(1);
    expect((await cutover(['replay', '--skip-builtins', '--debug'])).code).toBe(1);
    const logs = filesUnder(path.join(app, 'logs')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(logs).toContain('canary target starting: db password [REDACTED], upstream https://svc:[REDACTED]@up.internal/v1, env [REDACTED], inherited [REDACTED]');

    // matrix run: a leaky check (fails, so its output is stored), a check printing the daemon's
    // token across the cut, and the harness replay as a row; report, evidence and stored outputs.
    expect((await cutover(['matrix', 'run'])).code).toBe(1);
    const matrixJson = await cutover(['matrix', 'run', '--json']);
    expect(matrixJson.code).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(app, '.cutover/matrix/report.json'), 'utf8')) as { cells: { row: string; os: string; status: string; runs?: { output: string }[] }[] };
    const ran = report.cells.filter((c) => c.os === 'linux');
    expect(ran.map((c) => [c.row, c.status])).toEqual([
      ['secrets.output', 'failed'],
      ['secrets.target', 'failed'],
      ['secrets.harness', 'failed'],
    ]);
    expect(ran[0]!.runs![0]!.output).toContain('Authorization: [REDACTED]');
    expect(ran[1]!.runs![0]!.output).toMatch(/^ *\n?filler 0|^… \(/);
    const stored = fs.readFileSync(path.join(app, 'docs/migration-evidence/SEC-1.outputs/1.log'), 'utf8');
    expect(stored).toContain(`argv says [REDACTED]`);

    // gate: text, --json, --debug, the summary file, the GitHub step summary and the dashboard.
    expect((await cutover(['gate', '--os', 'host'])).code).toBe(1);
    expect((await cutover(['gate', '--os', 'host', '--json'])).code).toBe(1);
    expect((await cutover(['gate', '--os', 'host', '--debug', '--explain', '--summary', 'reports/summary.md'])).code).toBe(1);
    const stepSummary = path.join(app, 'reports/step-summary.md');
    expect((await cutover(['gate', '--os', 'host'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary })).code).toBe(1);
    for (const f of ['reports/summary.md', 'reports/step-summary.md', 'reports/replay.xml', '.cutover/dashboard/index.html', '.cutover/dashboard/gate.json']) {
      expect(fs.existsSync(path.join(app, f)), f).toBe(true);
    }

    expectNoLeak();
  }, 600_000);
});
