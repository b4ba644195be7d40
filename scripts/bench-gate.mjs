#!/usr/bin/env node
// Benchmark: `cutover gate` over 5,000 tasks with 5,000 evidence files (target: the whole CLI under
// 1 s on a 2-core machine). Builds a project in a temp dir (runbook, evidence, sign-offs, a
// cutover.config.ts that imports defineConfig from 'cutover', a one-row matrix run for real, all
// committed to git), then times the whole CLI first, beside the fair baseline of the same process
// doing nothing (`cutover --version`), then the parts in process. The load average is printed
// with the figures: on a shared machine they mean little without it.
// Run with `pnpm bench:gate` (it builds first). TASKS=N changes the size.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadConfig } = await import(path.join(root, 'dist/core/src/config/index.js'));
const { runGate } = await import(path.join(root, 'dist/matrix/src/gate/run-gate.js'));
const { runMatrix } = await import(path.join(root, 'dist/matrix/src/run/runner.js'));
const { loadMatrixFile } = await import(path.join(root, 'dist/matrix/src/matrix-file/load.js'));
const { matrixSettings } = await import(path.join(root, 'dist/matrix/src/settings.js'));
const { hostOs } = await import(path.join(root, 'dist/matrix/src/matrix-file/cells.js'));
const { renderDashboard } = await import(path.join(root, 'dist/matrix/src/dashboard/render.js'));
const { loadTasks } = await import(path.join(root, 'dist/core/src/tasks/index.js'));
const { lintEvidence } = await import(path.join(root, 'dist/evidence/src/index.js'));

const TASKS = Number(process.env.TASKS ?? 5000);
const RUNS = 7;
const PHASES = 50;
const OWNERS = ['ARCH', 'DAEMON', 'RUST', 'UI', 'STATE', 'SEC', 'OPS', 'QA'];
const SECTIONS = ['Change Summary', 'Files Changed', 'Verification Commands', 'Verification Output', 'Behavior Proof', 'Risk Notes', 'Rollback Path'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-gate-'));
const write = (f, t) => {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), t);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const ids = [];
  const lines = ['# Bench Runbook', ''];
  for (let p = 0; p < PHASES; p++) {
    lines.push(`## Phase ${p} - Workstream ${p}`, '');
    for (let i = 0; i < TASKS / PHASES; i++) {
      const id = `B-P${p}-${String(i + 1).padStart(3, '0')}`;
      ids.push(id);
      lines.push(`- [x] \`${id}\` (\`${OWNERS[(p + i) % OWNERS.length]}\`) Task ${i + 1} of phase ${p}: migrate one more piece of the runtime to the daemon.`);
    }
    lines.push('');
  }
  write('RUNBOOK.md', lines.join('\n'));
  for (const id of ids) {
    write(
      `docs/migration-evidence/${id}.md`,
      `# ${id}: evidence\n\n${SECTIONS.map((s) => `## ${s}\n\n${s} for ${id}: what was done, checked and how to undo it.\n- \`RUNBOOK.md\`\n`).join('\n')}`,
    );
  }
  write('SIGNOFF.md', '| Role | Name | Date | Decision |\n| --- | --- | --- | --- |\n' + ['ARCH', 'SEC', 'QA', 'OPS'].map((r) => `| ${r} | ${r} lead | 2025-06-01 | approved |`).join('\n') + '\n');
  write('cutover.matrix.yaml', `version: 1\ndimensions: { os: [${hostOs()}], mode: [user] }\nrows:\n  - { id: smoke, title: Smoke, area: lifecycle, tasks: [${ids[0]}], check: { kind: shell, run: "node -e 0" } }\n`);
  // The typed form the README recommends; its compiled form is cached under node_modules/.cache, as in a real project.
  const config = { name: 'bench', tasks: { sources: [{ path: 'RUNBOOK.md' }] }, matrix: { file: 'cutover.matrix.yaml', evidence: false }, gate: { require: { contract: false, reason: 'a synthetic project has no sources' } } };
  write('cutover.config.ts', `import { defineConfig } from 'cutover';\n\nexport default defineConfig(${JSON.stringify(config, null, 2)});\n`);
  fs.mkdirSync(path.join(dir, 'node_modules'));
  write('.gitignore', '.cutover/\nnode_modules/\n');
  const git = (...a) => execFileSync('git', ['-c', 'user.email=b@example.com', '-c', 'user.name=bench', '-c', 'commit.gpgsign=false', ...a], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');

  const loaded = await loadConfig({ cwd: dir });
  const settings = matrixSettings(loaded);
  await runMatrix({ loaded, matrix: loadMatrixFile(settings.matrixFile), settings, reportFile: settings.report });

  const cliRun = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/cutover.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`cutover ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 500)}`);
    return ms;
  };
  // Side by side, alternating: the whole gate, and the same process start doing nothing.
  // The first run compiles the config and fills the lint cache, as any earlier command would have.
  const cold = cliRun(['gate', '--json']);
  const cli = [];
  const baseline = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(cliRun(['--version']));
    cli.push(cliRun(['gate', '--json']));
  }
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`cutover gate benchmark: ${TASKS} tasks, ${ids.length} evidence files, ${os.cpus().length} cores, node ${process.versions.node}, load average ${load()}`);
  console.log(`  \`cutover gate --json\`, whole CLI:   median ${median(cli).toFixed(0)} ms   (min ${Math.min(...cli).toFixed(0)}, max ${Math.max(...cli).toFixed(0)}, ${RUNS} runs; start, config, rules, dashboard written)`);
  console.log(`  baseline \`cutover --version\`:      median ${median(baseline).toFixed(0)} ms   (the same process start, nothing read)`);
  console.log(`  first run, no caches yet:           ${cold.toFixed(0)} ms   (config compiled, every evidence file read and linted)`);
  console.log(`  target: whole CLI under 1000 ms — ${median(cli) < 1000 ? 'met' : 'NOT met'}`);

  const inProcess = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await runGate({ loaded, settings: matrixSettings(loaded) });
    inProcess.push(performance.now() - t);
  }
  if (result.verdict !== 'PASS') throw new Error(`the bench project should pass; it blocked: ${result.reasons.slice(0, 3).map((r) => r.message).join('; ')}`);
  // Where the time goes: the two inputs the gate reads through other pillars' APIs.
  const tasksMs = [];
  const lintMs = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const { tasks } = await loadTasks(loaded);
    tasksMs.push(performance.now() - t);
    t = performance.now();
    await lintEvidence(loaded, tasks);
    lintMs.push(performance.now() - t);
  }
  const configMs = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await loadConfig({ cwd: dir });
    configMs.push(performance.now() - t);
  }
  const t0 = performance.now();
  const page = renderDashboard(result);
  const dashMs = performance.now() - t0;
  console.log(`  in process, warm:`);
  console.log(`    config (cutover.config.ts, cached): median ${median(configMs).toFixed(0)} ms`);
  console.log(`    gate (rules + views):              median ${median(inProcess).toFixed(0)} ms   (min ${Math.min(...inProcess).toFixed(0)}, max ${Math.max(...inProcess).toFixed(0)})`);
  console.log(`      of which task lists (loadTasks):  median ${median(tasksMs).toFixed(0)} ms`);
  console.log(`      of which evidence lint:           median ${median(lintMs).toFixed(0)} ms`);
  console.log(`      the rules' own work, git, views:  about ${Math.max(0, median(inProcess) - median(tasksMs) - median(lintMs)).toFixed(0)} ms`);
  console.log(`    dashboard render:                  ${dashMs.toFixed(0)} ms (${(page.length / 1024).toFixed(0)} KiB)`);
  console.log(`  load average at the end: ${load()}`);
} finally {
  if (process.env.KEEP) console.log(dir); else fs.rmSync(dir, { recursive: true, force: true });
}
