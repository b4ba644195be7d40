import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { PROC_MARK_VAR } from './marks.js';

/** One row of the process table. `start` tells a pid from a later process that reused it. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  pgid: number;
  start: string;
}

/**
 * The live processes of this machine (zombies left out: they have already ended). Linux reads
 * /proc; macOS asks `ps`; elsewhere (Windows) it is empty and trees are ended with `taskkill /T`.
 */
export function processTable(): ProcEntry[] {
  if (process.platform === 'linux') return linuxTable();
  if (process.platform === 'darwin') return psTable();
  return [];
}

function linuxTable(): ProcEntry[] {
  const out: ProcEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (name.charCodeAt(0) > 57 || name.charCodeAt(0) < 48) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // ended while we looked
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (f[0] === 'Z' || f[0] === 'X') continue;
    out.push({ pid: Number(name), ppid: Number(f[1]), pgid: Number(f[2]), start: f[19] ?? '' });
  }
  return out;
}

function psTable(): ProcEntry[] {
  let text: string;
  try {
    text = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat=,lstart='], { encoding: 'utf8', timeout: 5_000 });
  } catch {
    return [];
  }
  const out: ProcEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!m || m[4]!.startsWith('Z')) continue;
    out.push({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), start: m[5]!.trim() });
  }
  return out;
}

/** The mark a process carries in its environment: undefined when none or unknown (not Linux, not ours to read). */
export function markOf(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
    const needle = `${PROC_MARK_VAR}=`;
    for (const entry of env.split('\0')) if (entry.startsWith(needle)) return entry.slice(needle.length);
  } catch {
    // ended, or not ours to read
  }
  return undefined;
}

/** Whether a process carries a mark (or a mark prefix, `<run>:`) in its environment. Linux only. */
export function carriesMark(pid: number, mark: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
    const needle = `${PROC_MARK_VAR}=${mark}`;
    let at = env.indexOf(needle);
    while (at !== -1) {
      if (at === 0 || env.charCodeAt(at - 1) === 0) {
        const end = at + needle.length;
        // An exact mark ends at the entry's end; a prefix mark ends in ':'.
        if (mark.endsWith(':') || end === env.length || env.charCodeAt(end) === 0) return true;
      }
      at = env.indexOf(needle, at + 1);
    }
    return false;
  } catch {
    return false;
  }
}

/** When a process started, in the process table's own terms (see `startedNoEarlier`). */
export function startOf(pid: number): string | undefined {
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    } catch {
      return undefined;
    }
  }
  return processTable().find((p) => p.pid === pid)?.start;
}

/** Whether start time `a` is the same as or later than `b` (Linux: clock ticks since boot; macOS: ps's lstart, to the second). */
export function startedNoEarlier(a: string, b: string): boolean {
  if (process.platform === 'linux') return Number(a) >= Number(b);
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && Number.isFinite(tb) ? ta >= tb : false;
}

/**
 * The processes that belong to a supervised process: its group, everything descended from the
 * root, from a group member or from an extra root (a daemon named by its PID file), and (Linux)
 * everything carrying its mark. Never this process.
 */
export function treeOf(root: { pid: number; pgid: number; mark: string; roots?: readonly number[] }, table = processTable()): ProcEntry[] {
  const inTree = new Set<number>();
  const children = new Map<number, ProcEntry[]>();
  for (const p of table) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const stack: number[] = [];
  for (const p of table) {
    if (p.pid === process.pid) continue;
    if (p.pid === root.pid || p.pgid === root.pgid || root.roots?.includes(p.pid) || carriesMark(p.pid, root.mark)) {
      if (!inTree.has(p.pid)) {
        inTree.add(p.pid);
        stack.push(p.pid);
      }
    }
  }
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (c.pid !== process.pid && !inTree.has(c.pid)) {
        inTree.add(c.pid);
        stack.push(c.pid);
      }
    }
  }
  return table.filter((p) => inTree.has(p.pid));
}

/** The command line of a process, for leak reports ("pid 4242: sleep 3600"). */
export function commandLine(pid: number): string {
  if (process.platform !== 'linux') return '';
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}
