#!/usr/bin/env node
'use strict';
/*
 * cutover's orphan guard. A cutover run starts it once, detached, and keeps a pipe to its stdin,
 * on which it names the process groups it starts and the temp dirs it makes (and forgets them
 * again once it has ended or removed them). When the pipe closes (cutover ended, however it
 * ended, SIGKILL included) the guard ends whatever is still named, and every process that still
 * carries the run's mark in its environment, then removes the named dirs and exits.
 */
const fs = require('node:fs');

const runId = process.argv[2] || '';
const groups = new Map(); // pid -> pgid
const dirs = new Set();
const pidFiles = new Map(); // id -> { since, field, path }: a daemon a supervised command forked writes its pid there
let buffered = '';
let sweeping = false;

process.on('SIGINT', () => {}); // a terminal's Ctrl-C is for cutover, which then closes the pipe
process.on('SIGTERM', () => void sweep());
process.on('SIGHUP', () => {});

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
    handle(buffered.slice(0, nl));
    buffered = buffered.slice(nl + 1);
  }
});
process.stdin.on('end', () => void sweep());
process.stdin.on('error', () => void sweep());

function handle(line) {
  const space = line.indexOf(' ');
  const verb = line.slice(0, space);
  const arg = line.slice(space + 1);
  if (verb === 'watch') {
    const [pid, pgid] = arg.split(' ').map(Number);
    if (pid > 0) groups.set(pid, pgid > 0 ? pgid : 0);
  } else if (verb === 'unwatch') groups.delete(Number(arg));
  else if (verb === 'pidfile') {
    // pidfile <id> <since> <field> <path…>
    const [id, since, field, ...rest] = arg.split(' ');
    pidFiles.set(id, { since, field, path: rest.join(' ') });
  } else if (verb === 'unpidfile') pidFiles.delete(arg);
  else if (verb === 'dir') dirs.add(arg);
  else if (verb === 'undir') dirs.delete(arg);
}

function marked() {
  if (process.platform !== 'linux' || !runId) return [];
  const needle = `CUTOVER_PROC=${runId}:`;
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${name}/environ`, 'latin1');
      const at = env.indexOf(needle);
      if (at === 0 || (at > 0 && env.charCodeAt(at - 1) === 0)) out.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

function startOf(pid) {
  try {
    if (process.platform === 'linux') {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    }
    const out = require('node:child_process').execFileSync('ps', ['-p', String(pid), '-o', 'lstart='], { encoding: 'utf8', timeout: 5000 });
    return Date.parse(out.trim());
  } catch {
    return NaN;
  }
}

// The processes PID files name that started no earlier than the command that forked them: a
// stale file naming a reused pid points at a stranger, never ours to end.
function fromPidFiles() {
  const out = [];
  for (const { since, field, path } of pidFiles.values()) {
    let pid;
    try {
      const text = fs.readFileSync(path, 'utf8').trim();
      if (/^\d+$/.test(text)) pid = Number(text);
      else {
        let node = JSON.parse(text);
        for (const part of field.split('.')) node = node && typeof node === 'object' ? node[part] : undefined;
        pid = Number(node);
      }
    } catch {
      continue;
    }
    const started = startOf(pid);
    const from = process.platform === 'linux' ? Number(since) : Date.parse(since.replace(/_/g, ' '));
    if (Number.isSafeInteger(pid) && pid > 0 && started >= from) out.push(pid);
  }
  return out;
}

function signalAll(signal) {
  let alive = 0;
  for (const [pid, pgid] of groups) {
    for (const target of process.platform === 'win32' ? [pid] : [pgid > 0 ? -pgid : pid, pid]) {
      try {
        process.kill(target, signal);
        alive++;
      } catch {
        // already gone
      }
    }
  }
  for (const pid of [...marked(), ...fromPidFiles()]) {
    try {
      process.kill(pid, signal);
      alive++;
    } catch {
      // already gone
    }
  }
  return alive;
}

async function sweep() {
  if (sweeping) return;
  sweeping = true;
  if (signalAll('SIGTERM') > 0) {
    for (let i = 0; i < 20 && signalAll(0) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    signalAll('SIGKILL');
  }
  for (const dir of dirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: the next cutover start sweeps what is left
    }
  }
  process.exit(0);
}
