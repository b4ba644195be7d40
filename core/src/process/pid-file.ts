import fs from 'node:fs';
import { markOf, startedNoEarlier, type ProcEntry } from './table.js';

/** Where a daemon writes its pid: a bare number, or a JSON object with the pid under `field` (dotted, default `pid`). */
export interface PidFileSpec {
  path: string;
  field?: string;
}

export type PidFileRead = { pid: number } | { missing: true } | { problem: string };

/** Reads a PID file as daemons write them: `4242\n`, or `{"pid": 4242, …}`. Never throws. */
export function readPidFile(spec: PidFileSpec): PidFileRead {
  let text: string;
  try {
    text = fs.readFileSync(spec.path, 'utf8').trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { problem: `cannot read it (${code ?? (e as Error).message})` };
  }
  if (text === '') return { problem: 'it is empty' };
  if (/^\d+$/.test(text)) return checked(Number(text), 'its number');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: `it is neither a bare pid nor JSON: ${JSON.stringify(text.slice(0, 60))}` };
  }
  const field = spec.field ?? 'pid';
  let node = doc;
  for (const part of field.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node === 'string' && /^\d+$/.test(node)) node = Number(node);
  if (typeof node !== 'number') return { problem: `its JSON has no numeric "${field}"${node === undefined ? '' : ` (found ${JSON.stringify(node)})`}` };
  return checked(node, `"${field}"`);
}

function checked(pid: number, what: string): PidFileRead {
  return Number.isSafeInteger(pid) && pid > 0 ? { pid } : { problem: `${what} is ${pid}, not a process id` };
}

/**
 * The processes PID files name that belong to a supervised process: alive, started no earlier
 * than it was (a stale file naming a reused pid points at a stranger, which is never ours to end),
 * and not carrying another supervised process's mark.
 */
export function pidFileRoots(files: readonly PidFileSpec[], since: string | undefined, table: readonly ProcEntry[], mark: string): number[] {
  if (!files.length || since === undefined) return [];
  const out: number[] = [];
  for (const f of files) {
    const r = readPidFile(f);
    if (!('pid' in r)) continue;
    const entry = table.find((p) => p.pid === r.pid);
    if (!entry || !startedNoEarlier(entry.start, since)) continue;
    const carried = markOf(entry.pid);
    if (carried === undefined || carried === mark) out.push(entry.pid);
  }
  return out;
}
