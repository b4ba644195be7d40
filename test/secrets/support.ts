// The secrets canary's app and scan (see canary.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT, runBuiltCli, type CliResult } from '../support/cli.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/secrets/canary');

export const CANARIES = {
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
  // the stdio sidecar's ready message (a secret key in a message that is never recorded), echoed in its answers
  readyToken: 'cnryreadytoken95cb534789466d28',
};

/** A token leaks if any 12 characters of it show up: a cut keeps a part, at either end. */
const WINDOW = 12;
export function leaks(text: string): string[] {
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

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** A fresh copy of the app with its own TMPDIR; remembers what cutover printed. */
export class CanaryApp {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-canary-'));
  readonly dir = path.join(this.root, 'app');
  private readonly tmp = path.join(this.root, 'tmp');
  private readonly inputs = new Map<string, string>();
  private readonly printed: { what: string; result: CliResult }[] = [];

  constructor() {
    fs.cpSync(FIXTURE, this.dir, { recursive: true });
    fs.mkdirSync(this.tmp);
    for (const f of filesUnder(this.dir)) this.inputs.set(f, fs.readFileSync(f, 'utf8'));
  }

  /** The built CLI in the app, with cutover's own env holding a secret, and the replay-time secret. */
  async cutover(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
    const env = { CANARY_INHERITED_TOKEN: CANARIES.inherited, CANARY_REPLAY_KEY: CANARIES.replayKey, TMPDIR: this.tmp, ...extraEnv };
    const result = await runBuiltCli(args, { cwd: this.dir, env, timeoutMs: 240_000 });
    const extra = Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`).join(' ');
    this.printed.push({ what: `cutover ${args.join(' ')}${extra ? ` (${extra})` : ''}`, result });
    return result;
  }

  file(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  /** Every file cutover wrote or changed in the app and under its TMPDIR, with its path (names leak too). */
  private written(): { file: string; text: string }[] {
    return [...filesUnder(this.dir), ...filesUnder(this.tmp)]
      .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))
      .filter(({ file, text }) => this.inputs.get(file) !== text)
      .map(({ file, text }) => ({ file, text: `${path.relative(this.root, file)}\n${text}` }));
  }

  expectNoLeak(): void {
    const found: string[] = [];
    for (const w of this.written()) for (const name of leaks(w.text)) found.push(`${name} in ${path.relative(this.root, w.file)}`);
    for (const p of this.printed) {
      for (const name of leaks(p.result.stdout)) found.push(`${name} on stdout of ${p.what}`);
      for (const name of leaks(p.result.stderr)) found.push(`${name} on stderr of ${p.what}`);
    }
    expect(found).toEqual([]);
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
