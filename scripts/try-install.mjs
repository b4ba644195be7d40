#!/usr/bin/env node
// Installs cutover the two ways a team can today, each in a scratch project of its own, and uses
// it there: from a tarball (`npm pack`) and from git (`npm i -D git+file://<this repository>`,
// which runs `prepare` to build dist; it installs the committed HEAD). In each: `npx cutover
// --version`, then `init --yes` and `check` on a copy of the bundled example's sources. Prints the
// size of node_modules (du, and the bytes of its files) and how long each install took.
// `pnpm try-install` (also in CI). Needs the npm registry.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-try-install-'));
const failures = [];

function run(cmd, args, cwd, opts = {}) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false' }, shell: process.platform === 'win32' });
  const ms = Math.round(performance.now() - started);
  const ok = opts.codes ? opts.codes.includes(r.status) : r.status === 0;
  if (!ok) failures.push(`${cmd} ${args.join(' ')} (in ${path.relative(scratch, cwd) || cwd}) exited ${r.status}\n${(r.stderr || r.stdout).slice(-2000)}`);
  return { ...r, ms };
}

function sizes(dir) {
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) bytes += fs.statSync(p).size;
    }
  };
  walk(dir);
  const du = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return { bytes, kib: du.status === 0 ? Number(du.stdout.split(/\s+/)[0]) : undefined, packages: fs.readdirSync(dir).flatMap((n) => (n.startsWith('@') ? fs.readdirSync(path.join(dir, n)) : n.startsWith('.') ? [] : [n])).length };
}

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function project(name, spec) {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `try-${name}`, private: true }, null, 2)}\n`);
  const install = run('npm', ['install', '--save-dev', spec], dir);
  if (install.status !== 0) return;
  const version = run('npx', ['--no-install', 'cutover', '--version'], dir);
  for (const rel of ['src', 'src-tauri', 'src-sidecar/src', 'src-sidecar/package.json']) fs.cpSync(path.join(root, 'examples/cowork', rel), path.join(dir, rel), { recursive: true });
  const init = run('npx', ['--no-install', 'cutover', 'init', '--yes'], dir);
  const check = run('npx', ['--no-install', 'cutover', 'check'], dir);
  const s = sizes(path.join(dir, 'node_modules'));
  console.log(`${name}: npm install ${(install.ms / 1000).toFixed(1)} s; cutover ${version.stdout.trim()}; node_modules ${s.kib === undefined ? '' : `${(s.kib / 1024).toFixed(1)} MB on disk (du), `}${mb(s.bytes)} of files, ${s.packages} packages; init ${init.status === 0 ? 'wrote the config' : 'FAILED'}; check exit ${check.status}: ${check.stdout.split('\n').find((l) => l.startsWith('cutover check')) ?? ''}`);
}

try {
  const pack = run('npm', ['pack', '--pack-destination', scratch], root);
  const tarball = pack.stdout.trim().split('\n').pop();
  if (pack.status === 0) project('tarball', path.join(scratch, tarball));
  project('git', `git+file://${root}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (failures.length) {
  console.error(failures.join('\n\n'));
  process.exit(1);
}
