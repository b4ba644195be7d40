#!/usr/bin/env node
// Real-app benchmark (not a test): for each app of ../shared/corpus, cutover's cold `check` (a
// fresh process, no cache, the fixture's config) against a plain parse of the same files
// (web-tree-sitter for Rust, ts.createSourceFile for the rest), paired round by round in
// alternating order, measured as the CPU time (user + sys, every thread) of each child process.
// Prints per app the files, the medians of both, the median of the per-round ratios and peak RSS,
// with the load average at the start and the end (the machine may be shared: read the ratio, not
// the absolute times, when it is loaded).
// Usage: pnpm bench:real [--rounds N] [--app NAME]... [--corpus DIR]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS, sources } from './corpus/count.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APPS = ['ecopaste', 'claudia', 'pot-desktop', 'clash-nyanpasu', 'yaak'];
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, app: { type: 'string', multiple: true }, corpus: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds));
const corpus = values.corpus ? path.resolve(values.corpus) : CORPUS;
if (!fs.existsSync(path.join(root, 'dist/cli.js'))) throw new Error('build first: pnpm build');
if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-real-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

/** Runs node with the rusage preload; resolves to { cpuMs, maxRssMb, code, stdout, stderr }. */
function measured(args, label) {
  const file = path.join(tmp, `${label}.rusage.json`);
  fs.rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', path.join(root, 'scripts/corpus/rusage.mjs'), ...args], {
      env: { ...process.env, CORPUS_BENCH_RUSAGE: file, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (!fs.existsSync(file)) return reject(new Error(`${label}: no resource usage (exit ${code})\n${stderr.slice(-2000)}`));
      const r = JSON.parse(fs.readFileSync(file, 'utf8'));
      resolve({ cpuMs: (r.userUs + r.sysUs) / 1000, maxRssMb: r.maxRssKb / 1024, code, stdout, stderr });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 0) => n.toFixed(d).padStart(8);

const load0 = os.loadavg();
console.log(`bench:real  ${rounds} rounds per app, node ${process.version}, ${os.cpus().length} cpus`);
console.log(`load average at start: ${load0.map((l) => l.toFixed(2)).join(' ')}`);
console.log(`${'app'.padEnd(16)}${'files'.padStart(8)}${'parse ms'.padStart(10)}${'check ms'.padStart(10)}${'ratio'.padStart(8)}${'check RSS'.padStart(11)}${'parse RSS'.padStart(11)}${'loop ms'.padStart(9)}${'ratio'.padStart(8)}`);
for (const app of values.app ?? APPS) {
  if (!fs.existsSync(path.join(corpus, app))) {
    console.log(`${app.padEnd(16)} skipped: not in ${corpus}`);
    continue;
  }
  const src = await sources(app, corpus);
  const list = path.join(tmp, `${app}.files.json`);
  fs.writeFileSync(list, JSON.stringify([...src.rust, ...src.frontend].map((rel) => path.join(src.appDir, rel))));
  const config = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/corpus', app, 'cutover.config.json'), 'utf8'));
  config.manifests = { ...config.manifests, root: src.appDir, out: path.join(tmp, `${app}-manifests`), cache: false };
  const configFile = path.join(tmp, `${app}.cutover.config.json`);
  fs.writeFileSync(configFile, JSON.stringify(config));

  const parse = [];
  const check = [];
  let cutoverFiles;
  for (let i = 0; i < rounds; i++) {
    const runParse = async () => parse.push(await measured([path.join(root, 'scripts/corpus/plain-parse.mjs'), list], `${app}-parse`));
    const runCheck = async () => {
      const r = await measured([path.join(root, 'bin/cutover.js'), 'check', '--json', '--no-cache', '--config', configFile], `${app}-check`);
      if (r.code !== 0 && r.code !== 1) throw new Error(`${app}: cutover check exited ${r.code}\n${r.stderr.slice(-2000)}`);
      cutoverFiles = /read (\d+) source file/.exec(r.stderr)?.[1];
      check.push(r);
    };
    // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
    if (i % 2 === 0) { await runParse(); await runCheck(); } else { await runCheck(); await runParse(); }
  }
  const files = src.rust.length + src.frontend.length;
  const ratios = check.map((c, i) => c.cpuMs / parse[i].cpuMs);
  const loops = parse.map((p) => JSON.parse(p.stdout).loopMs);
  const loopRatios = check.map((c, i) => c.cpuMs / loops[i]);
  const note = cutoverFiles && Number(cutoverFiles) !== files ? `  (cutover read ${cutoverFiles} files)` : '';
  console.log(`${app.padEnd(16)}${fmt(files)}${fmt(median(parse.map((p) => p.cpuMs)), 0).padStart(10)}${fmt(median(check.map((c) => c.cpuMs)), 0).padStart(10)}${fmt(median(ratios), 2)}${`${fmt(Math.max(...check.map((c) => c.maxRssMb)))} MB`.padStart(11)}${`${fmt(Math.max(...parse.map((p) => p.maxRssMb)))} MB`.padStart(11)}${fmt(median(loops)).padStart(9)}${fmt(median(loopRatios), 2)}${note}`);
}
console.log(`load average at end:   ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('parse/check ms: CPU (user + sys) of the whole child process, start-up included; ratio: median over rounds of check / parse (goal <= 2).');
console.log('loop ms: the baseline\'s parsing alone (parsers already loaded); the last ratio is check / loop, the stricter view.');
