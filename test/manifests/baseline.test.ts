import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../manifests/src/index.js';
import { contractRule } from '../../matrix/src/gate/rules/contract.js';
import type { GateContext } from '../../matrix/src/gate/types.js';
import { runBuiltCli } from '../support/cli.js';
import { ExampleCopy } from './example-copy.js';

const API = 'src/lib/api.ts';
const ANCHOR = '// ---- sessions\n';

describe('cutover check --update-baseline (built CLI, on a copy of the example)', () => {
  let app: ExampleCopy;
  const check = (...args: string[]) => runBuiltCli(['check', ...args], { cwd: app.dir, timeoutMs: 90_000 });

  beforeEach(async () => {
    app = await ExampleCopy.create();
    // Two defects the example does not have: an invoke of a command nothing registers, twice in one file.
    app.edit(API, ANCHOR, `${ANCHOR}export const frob = () => invoke('agent_frobnicate');\nexport const frob2 = () => invoke('agent_frobnicate', {});\n`);
  });
  afterEach(() => app.remove());

  it('an app with findings passes after --update-baseline; moving code keeps it passing; a new finding fails; a fixed one is reported as fixed', async () => {
    const before = await check();
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('unregistered-invoke');

    const update = await check('--update-baseline');
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('wrote cutover.baseline.json: 2 error(s) and 0 warning(s) accepted');
    const baseline = JSON.parse(app.read('cutover.baseline.json')) as { formatVersion: number; findings: { rule: string; file: string; names: string[]; count: number; fingerprint: string }[] };
    expect(baseline.formatVersion).toBe(1);
    expect(baseline.findings).toEqual([expect.objectContaining({ rule: 'unregistered-invoke', file: API, names: ['name=agent_frobnicate'], count: 2 })]);
    // Keyed by rule, names and file: no line number anywhere in the file.
    expect(app.read('cutover.baseline.json')).not.toMatch(/"line"|:\d+"/);

    const after = await check();
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('cutover check: no new findings');
    expect(after.stdout).toContain('2 baselined finding(s) remain, accepted in cutover.baseline.json and not listed');

    // Lines move: still the same findings.
    app.edit(API, ANCHOR, `\n\n\n${ANCHOR}`);
    expect((await check()).code).toBe(0);

    // A third invoke of the same command is beyond the accepted count; another command is new too.
    app.edit(API, ANCHOR, `${ANCHOR}export const frob3 = () => invoke('agent_frobnicate');\nexport const other = () => invoke('agent_unheard_of');\n`);
    const fresh = await check();
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain('cutover check: 2 errors, 0 warnings, 0 info (new since the baseline)');
    expect(fresh.stdout).toContain('agent_unheard_of');
    const json = JSON.parse((await check('--json')).stdout) as { ok: boolean; findings: { data: { name: string } }[]; baseline: { baselined: number; fixed: unknown[] } };
    expect(json.ok).toBe(false);
    expect(json.findings.map((f) => f.data.name).sort()).toEqual(['agent_frobnicate', 'agent_unheard_of']);
    expect(json.baseline.baselined).toBe(2);

    // Fix them all: the baselined ones are reported as fixed, and the run passes.
    app.edit(API, /export const (frob\d?|other) = .*\n/g, '');
    const fixed = await check();
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('0 baselined finding(s) remain');
    expect(fixed.stdout).toContain('2 baselined finding(s) fixed since the baseline: `cutover check --update-baseline` drops them from cutover.baseline.json');
    const fixedJson = JSON.parse((await check('--json')).stdout) as { baseline: { fixed: { rule: string; count: number }[] } };
    expect(fixedJson.baseline.fixed).toEqual([expect.objectContaining({ rule: 'unregistered-invoke', count: 2 })]);
  }, 240_000);

  it('the public API subtracts the baseline too and says how many it accepted; the gate still blocks on the accepted errors, naming the baseline', async () => {
    expect((await checkProject(await app.config())).findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect((await check('--update-baseline')).code).toBe(0);
    const r = await checkProject(await app.config());
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.baseline).toEqual({ file: path.join(app.dir, 'cutover.baseline.json'), baselined: 2, errors: 2, fixed: 0 });
    // A baseline carries no reason: pull requests pass on it, a release does not.
    const gate = await contractRule.run({ loaded: await app.config() } as GateContext);
    // (Drift also reports the invoke as new against the committed manifests: not under test here.)
    expect(gate.reasons.filter((x) => x.id !== 'gate-contract-findings').map((x) => [x.id, x.message, x.file])).toEqual([
      ['gate-contract-baselined', 'check: 2 error finding(s) are accepted only by cutover.baseline.json', 'cutover.baseline.json'],
    ]);
    expect(gate.note).toContain('check: 0 finding(s) (2 more accepted by cutover.baseline.json)');
  }, 240_000);

  it('a file that is not a baseline is a config error at its line (exit 2), and `baseline: false` ignores it', async () => {
    fs.writeFileSync(path.join(app.dir, 'cutover.baseline.json'), '{\n  "formatVersion": 1,\n  "findings": [\n    { "rule": "x", "severity": "fatal", "names": [], "count": 1, "fingerprint": "0123456789abcdef" }\n  ]\n}\n');
    const bad = await check();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cutover.baseline.json is not a cutover baseline');
    expect(bad.stderr).toMatch(/cutover\.baseline\.json:4 +findings\[0\]\.severity/);
    const config = JSON.parse(app.read('cutover.config.json')) as { manifests: { check?: Record<string, unknown> } };
    config.manifests.check = { ...config.manifests.check, baseline: false };
    fs.writeFileSync(path.join(app.dir, 'cutover.config.json'), JSON.stringify(config));
    expect((await check()).code).toBe(1);
  }, 240_000);
});

describe('cutover drift --accept (built CLI, on a copy of the example)', () => {
  let app: ExampleCopy;
  const drift = (...args: string[]) => runBuiltCli(['drift', ...args], { cwd: app.dir, timeoutMs: 90_000 });

  beforeEach(async () => {
    app = await ExampleCopy.create();
  });
  afterEach(() => app.remove());

  it('records an intended breaking change with its reason, writes the manifests, and drift passes', async () => {
    // A deliberate break: the sidecar stops handling the stop command.
    app.edit('src-sidecar/src/ipc-handler.ts', /  registerHandler\('agent_stop_generation'.*\n.*\n {2}\);\n/, '');
    const before = await drift();
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('breaking');
    expect(before.stdout).toContain('--accept command:agent_stop_generation --reason "…"');

    expect((await drift('--accept', 'command:agent_stop_generation')).code).toBe(2);
    const unknown = await drift('--accept', 'command:nope', '--reason', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--accept command:nope: no change of that name in the drift');

    const ok = await drift('--accept', 'command:agent_stop_generation', '--reason', 'generation stops on disconnect now');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('recorded with the reason in manifests/history.json');
    const history = JSON.parse(app.read('manifests/history.json')) as { formatVersion: number; accepted: { entry: string; class: string; reason: string; change: string }[] };
    expect(history.formatVersion).toBe(1);
    expect(history.accepted.length).toBeGreaterThan(0);
    for (const h of history.accepted) expect(h).toMatchObject({ entry: 'command:agent_stop_generation', reason: 'generation stops on disconnect now' });
    expect(history.accepted.map((h) => h.class)).toContain('breaking');
    expect((await drift()).code).toBe(0);
  }, 240_000);

  it('refuses when another breaking change is not named, and writes nothing', async () => {
    app.edit('src-sidecar/src/ipc-handler.ts', /  registerHandler\('agent_stop_generation'.*\n.*\n {2}\);\n/, '');
    app.edit('src-sidecar/src/ipc-handler.ts', /  registerHandler\('agent_delete_session'[\s\S]*?\n {2}\}\);\n/, '');
    const commands = app.read('manifests/commands.json');
    const r = await drift('--accept', 'command:agent_stop_generation', '--reason', 'one of two');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('other breaking change(s) are in the drift');
    expect(r.stdout).toContain('--accept command:agent_delete_session');
    expect(app.read('manifests/commands.json')).toBe(commands);
    expect(fs.existsSync(path.join(app.dir, 'manifests/history.json'))).toBe(false);
  }, 240_000);
});
