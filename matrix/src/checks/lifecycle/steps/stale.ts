import fs from 'node:fs';
import path from 'node:path';
import { runToEnd } from '../../../../../core/src/process/run.js';
import { supervise } from '../../../../../core/src/process/supervisor.js';
import { accepts } from '../connect.js';
import type { LifecycleSession } from '../session.js';
import { StepFailed, type StepKind } from '../types.js';

interface StaleValue {
  socket?: string;
  pidFile?: string;
  field?: string;
}

/**
 * Leaves what a crashed daemon leaves, before the next start: a socket file nothing listens on
 * (bound by a process that was then killed with SIGKILL), or a PID file naming a process that
 * has ended. The start after it must clean it up and run.
 */
export const staleStep: StepKind<StaleValue> = {
  key: 'stale',
  description: 'Leaves what a crashed daemon leaves: a socket file nothing listens on, or a PID file naming a process that has ended (the next start must clean it up).',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      socket: { type: 'string', description: 'Where to leave a stale Unix socket.' },
      pidFile: { type: 'string', description: 'Where to leave a PID file naming an ended process.' },
      field: { type: 'string', description: 'Write the PID file as JSON with the pid under this field (default: a bare number).' },
    },
  },
  needsTarget: false,
  validate: (v) => (v.socket !== undefined && v.pidFile !== undefined ? ['stale: give socket or pidFile, not both'] : v.socket === undefined && v.pidFile === undefined ? ['stale: give socket or pidFile'] : []),
  describe: (v) => (v.socket !== undefined ? `stale socket ${v.socket}` : `stale PID file ${v.pidFile}`),
  async run(v, { session }) {
    if (v.socket !== undefined) return staleSocket(session, v.socket);
    return stalePidFile(session, v.pidFile!, v.field);
  },
};

async function staleSocket(session: LifecycleSession, raw: string): Promise<string> {
  if (process.platform === 'win32') throw new StepFailed('stale Unix sockets do not exist on Windows; declare the windows cells of this row not applicable', 'error');
  const file = session.path(raw);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const script = `require('node:net').createServer().listen(${JSON.stringify(file)}, () => process.kill(process.pid, 'SIGKILL'))`;
  const r = await runToEnd({ command: [process.execPath, '-e', script], cwd: path.dirname(file), timeoutMs: session.bound(undefined), signal: session.ctx.signal, redactor: session.ctx.redactor });
  if (r.signal !== 'SIGKILL' || !fs.existsSync(file)) throw new StepFailed(`could not leave a stale socket at ${session.expand(raw)} (the binding process ${r.spawnError ?? `ended with ${r.signal ?? `code ${r.exitCode}`}`})`, 'error');
  const probe = await accepts(file);
  if (probe.ok) throw new StepFailed(`${session.expand(raw)} accepts connections: it is not stale (is a daemon running?)`, 'error');
  return `left a stale socket at ${session.expand(raw)} (connecting: ${probe.seen})`;
}

async function stalePidFile(session: LifecycleSession, raw: string, field: string | undefined): Promise<string> {
  const file = session.path(raw);
  // A pid that really belonged to a process and is free now: one that ran and was reaped.
  const p = supervise({ command: 'node', args: ['-e', ''], cwd: session.ctx.tmp, label: 'a process for a stale PID file', redactor: session.ctx.redactor });
  await p.exited;
  await p.stop(1_000);
  const pid = p.pid;
  if (pid === undefined) throw new StepFailed(`could not start a process to take a pid from (${p.startFailed ?? 'no pid'})`, 'error');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, field ? JSON.stringify(setPath({}, field, pid)) : `${pid}\n`);
  return `left a PID file at ${session.expand(raw)} naming a process that has ended`;
}

function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const parts = dotted.split('.');
  let node = obj;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
  return obj;
}
