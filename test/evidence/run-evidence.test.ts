import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig, type LoadedConfig } from '../../core/src/config/index.js';
import { UsageError } from '../../core/src/errors.js';
import { lintEvidence, scaffoldEvidence, writeRunEvidence, type RunRecord } from '../../evidence/src/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';

const GH_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
const DAEMON_TOKEN = '9f86d081884c7d659a2feaa0c55ad015';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbg.sig';

let dir: string;
let loaded: LoadedConfig;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-run-evidence-'));
  await fs.writeFile(path.join(dir, 'tasks.md'), '- [x] `P0-T004` (`WS-QA`) Contract tests.\n');
  loaded = validateConfig({ tasks: { sources: [{ path: 'tasks.md' }] } }, path.join(dir, 'cutover.config.json'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs a real command and records it the way the matrix runner does. */
function run(script: string, check?: string): RunRecord {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  return {
    command: `node -e ${JSON.stringify(script)}`,
    exitCode: r.status,
    durationMs: performance.now() - started,
    output: `${r.stdout}${r.stderr}`,
    passed: r.status === 0,
    ...(check ? { check, cell: 'linux/user' } : {}),
  };
}

async function allFilesText(root: string): Promise<string> {
  let out = '';
  for (const e of await fs.readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out += await fs.readFile(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('writeRunEvidence', () => {
  it('records the real command, exit code, an excerpt and the sha256 of the stored output; no duration (it varies from run to run: the report keeps it)', async () => {
    const ok = run("for (let i = 1; i <= 30; i++) console.log('case ' + i + ' ok'); console.log('30 passed, 0 failed')", 'contract');
    const bad = run("console.error('connection refused'); process.exit(3)");
    const result = await writeRunEvidence(loaded, { taskId: 'P0-T004', title: 'Contract tests', runs: [ok, bad], commit: 'abc1234', fingerprint: 'f'.repeat(64), summary: '1 of 2 commands passed.' });
    expect(result.file).toBe(path.join(dir, 'docs/migration-evidence/P0-T004.md'));
    expect(result.outputFiles).toEqual([1, 2].map((n) => path.join(dir, `docs/migration-evidence/P0-T004.outputs/${n}.log`)));

    const text = await fs.readFile(result.file, 'utf8');
    const stored = await Promise.all(result.outputFiles.map((f) => fs.readFile(f)));
    expect(stored[0]!.toString()).toBe(ok.output);
    expect(stored[1]!.toString()).toBe('connection refused\n');
    const sha = stored.map((b) => createHash('sha256').update(b).digest('hex'));

    expect(text).toContain(`1. \`${ok.command}\` (check \`contract\`, cell \`linux/user\`): exit 0, passed`);
    expect(text).toContain(`2. \`${bad.command}\`: exit 3, failed`);
    expect(text).not.toMatch(/\d ms\b/);
    expect(text).toContain(`Full output: [P0-T004.outputs/1.log](P0-T004.outputs/1.log), ${stored[0]!.length} bytes, sha256 \`${sha[0]}\`.`);
    expect(text).toContain(`sha256 \`${sha[1]}\``);
    // The sources the runs read, not the commit: committing the evidence must not make it stale.
    expect(text).toContain(`Sources: \`${'f'.repeat(16)}\``);
    expect(text).not.toContain('abc1234');
    expect(text).toContain('1 of 2 commands passed.');
    // The excerpt is the last 20 of 31 lines.
    expect(text).toContain('```text\ncase 12 ok\n');
    expect(text).not.toContain('case 11 ok');
    expect(text).toContain('30 passed, 0 failed\n```\n(last 20 of 31 lines)');
  });

  it('writes no secret to the evidence or the stored output', async () => {
    const leaky = run(
      [
        `console.log('using ${GH_TOKEN}')`,
        `console.log(JSON.stringify({ id: '1', command: 'agent_list_sessions', authToken: '${DAEMON_TOKEN}' }))`,
        `console.log('Authorization: Bearer ${BEARER}')`,
        `console.log('token=${DAEMON_TOKEN}x')`,
      ].join(';'),
    );
    leaky.command = `cowork-cli --token ${DAEMON_TOKEN} status`;
    await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: [leaky] }, { secrets: [DAEMON_TOKEN] });
    const everything = await allFilesText(dir);
    for (const secret of [GH_TOKEN, DAEMON_TOKEN, BEARER]) expect(everything).not.toContain(secret);
    expect(everything).toContain('"authToken":"[REDACTED]"');
    expect(everything).toContain('cowork-cli --token [REDACTED] status');
  });

  it('redacts secrets under known key names even without being told the value', async () => {
    const leaky = run(`console.log(JSON.stringify({ authToken: 'a-token-nobody-registered' })); console.log('password: hunter2hunter2')`);
    await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: [leaky] });
    const everything = await allFilesText(dir);
    expect(everything).not.toContain('a-token-nobody-registered');
    expect(everything).not.toContain('hunter2hunter2');
  });

  it('is byte-for-byte the same when re-run with the same results', async () => {
    const runs: RunRecord[] = [{ command: 'pnpm typecheck', exitCode: 0, durationMs: 812, output: 'ok\n', passed: true }];
    const { file } = await writeRunEvidence(loaded, { taskId: 'P0-T004', runs });
    const first = await fs.readFile(file, 'utf8');
    await writeRunEvidence(loaded, { taskId: 'P0-T004', runs });
    expect(await fs.readFile(file, 'utf8')).toBe(first);
  });

  it('rewrites only its generated blocks: human sections stay, stale outputs go', async () => {
    const { tasks } = await loadTasks(loaded);
    const { file } = await scaffoldEvidence(loaded, 'P0-T004', { task: tasks[0]! });
    const three = [1, 2, 3].map((n) => ({ command: `step ${n}`, exitCode: 0, durationMs: n, output: `out ${n}\n`, passed: true }));
    await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: three });

    // A person writes the human sections and a note under the generated commands.
    const human = (await fs.readFile(file, 'utf8'))
      .replace('TODO: what changed and why, in two or three sentences.', 'Contract tests now run against both transports.')
      .replace('<!-- /cutover:generated verification-commands -->', '<!-- /cutover:generated verification-commands -->\n\nAlso ran the suite by hand on macOS.');
    await fs.writeFile(file, human);

    await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: [{ command: 'step 9', exitCode: 1, durationMs: 40, output: 'boom\n', passed: false }] });
    const after = await fs.readFile(file, 'utf8');
    expect(after).toContain('Contract tests now run against both transports.');
    expect(after).toContain('Also ran the suite by hand on macOS.');
    expect(after).toContain('1. `step 9`: exit 1, failed');
    expect(after).not.toContain('step 1');
    expect(await fs.readdir(path.join(dir, 'docs/migration-evidence/P0-T004.outputs'))).toEqual(['1.log']);
    // Everything outside the generated blocks is as the person left it.
    const outside = (s: string) => s.replace(/<!-- cutover:generated ([a-z-]+)[\s\S]*?<!-- \/cutover:generated \1 -->/g, '<block>');
    expect(outside(after)).toBe(outside(human));

    const { findings } = await lintEvidence(loaded, tasks);
    expect(findings.map((f) => f.data?.section)).toEqual(['Files Changed', 'Behavior Proof', 'Risk Notes', 'Rollback Path']);
  });

  it('adds a missing Verification section in its configured place', async () => {
    const file = path.join(dir, 'docs/migration-evidence/P0-T004.md');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '# P0-T004\n\n## Change Summary\n\nDone.\n\n## Behavior Proof\n\nShown.\n');
    await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: [{ command: 'x', exitCode: 0, durationMs: 1, output: '', passed: true }] });
    const headings = (await fs.readFile(file, 'utf8')).match(/^## .*/gm);
    expect(headings).toEqual(['## Change Summary', '## Verification Commands', '## Verification Output', '## Behavior Proof']);
    expect(await fs.readFile(file, 'utf8')).toContain('(no output)');
  });

  it('keeps an excerpt fenced when the output itself has a code fence', async () => {
    const output = 'before\n```\ninside\n```\nafter\n';
    const { file } = await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: [{ command: 'cat README.md', exitCode: 0, durationMs: 3, output, passed: true }] });
    expect(await fs.readFile(file, 'utf8')).toContain('````text\nbefore\n```\ninside\n```\nafter\n````');
  });

  it('refuses a task id that would escape the evidence folder', async () => {
    await expect(writeRunEvidence(loaded, { taskId: '../../etc/passwd', runs: [] })).rejects.toThrow(UsageError);
    expect(await fs.readdir(dir)).toEqual(['tasks.md']);
  });

  it('writes what varies between identical runs as placeholders: times of day, timestamps, durations', async () => {
    const out = [' ✓ a.test.ts (4 tests) 523ms', '   Start at  01:06:49', '   Duration  1.61s (transform 183ms)', 'logged 2026-12-05T01:02:03.456Z', 'took 3 s, 12 tests, port 8080'].join('\n');
    const r: RunRecord = { command: 'npx vitest run', exitCode: 0, durationMs: 5, output: `${out}\n`, passed: true };
    const { file, outputFiles } = await writeRunEvidence(loaded, { taskId: 'P0-T004', runs: [r] });
    const stored = await fs.readFile(outputFiles[0]!, 'utf8');
    expect(stored.split('\n')).toEqual([' ✓ a.test.ts (4 tests) <duration>', '   Start at  <time>', '   Duration  <duration> (transform <duration>)', 'logged <time>', 'took <duration>, 12 tests, port 8080', '']);
    expect(await fs.readFile(file, 'utf8')).toContain(`sha256 \`${createHash('sha256').update(stored).digest('hex')}\``);

    const raw = validateConfig({ tasks: { sources: [{ path: 'tasks.md' }] }, evidence: { normalize: false } }, path.join(dir, 'cutover.config.json'));
    const kept = await writeRunEvidence(raw, { taskId: 'P0-T004', runs: [r] });
    expect(await fs.readFile(kept.outputFiles[0]!, 'utf8')).toBe(`${out}\n`);
  });
});
