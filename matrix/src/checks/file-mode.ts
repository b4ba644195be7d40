import fs from 'node:fs';
import type { Finding } from '../../../core/src/findings.js';
import { sleep } from '../../../core/src/wait.js';
import { findingIds } from '../finding-ids.js';
import type { CheckKind, RunRecord } from './types.js';

type FileType = 'socket' | 'file' | 'directory';

export interface FileModeSpec {
  kind: 'file-mode';
  files: Array<{ path: string; mode?: string; type?: FileType }>;
  settleMs?: number;
}

interface Probe {
  problem: string | undefined;
  seen: string;
  tooOpen?: string;
}

const DEFAULT_SETTLE_MS = 2_000;
const POLL_MS = 25;

function typeOf(st: fs.Stats): string {
  if (st.isSocket()) return 'socket';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isSymbolicLink()) return 'symbolic link';
  if (st.isFIFO()) return 'fifo';
  return 'special file';
}

const octal = (n: number) => n.toString(8).padStart(4, '0');

export const fileModeCheck: CheckKind<FileModeSpec> = {
  kind: 'file-mode',
  description: 'Probes files a running target created (socket, token): they must exist, be of the given type and have exactly the given mode (default 0600).',
  schema: {
    title: 'FileModeCheck',
    required: ['files'],
    properties: {
      files: {
        type: 'array',
        minItems: 1,
        description: 'Files to probe, usually inside the target\'s data dir ({{tmp}}).',
        items: {
          type: 'object',
          title: 'FileModeProbe',
          additionalProperties: false,
          required: ['path'],
          properties: {
            path: { type: 'string', description: 'Path (placeholders allowed), relative to the matrix file.' },
            mode: { type: 'string', pattern: '^0?[0-7]{3}$', description: 'Exact permission bits, octal (default 0600).' },
            type: { enum: ['socket', 'file', 'directory'], description: 'Required file type. A symbolic link never passes: it is not followed.' },
          },
        },
      },
      settleMs: {
        type: 'integer',
        minimum: 0,
        description: 'How long a file may take to appear and get its mode (a daemon that chmods its socket just after listening), in ms (default 2000); the last state seen is reported.',
      },
    },
  },
  describe: (spec) => `mode of ${spec.files.map((f) => f.path).join(', ')}`,
  async run(spec, ctx) {
    if (process.platform === 'win32') {
      return {
        status: 'error',
        message: 'POSIX file modes mean nothing on Windows (access is by ACL); declare the windows cells of this row not applicable',
        runs: [],
        findings: [],
      };
    }
    const findings: Finding[] = [];
    const runs: RunRecord[] = [];
    const problems: string[] = [];
    const started = performance.now();
    const settle = Math.min(spec.settleMs ?? DEFAULT_SETTLE_MS, ctx.remainingMs());
    const until = Date.now() + settle;
    const probes = spec.files.map((probe) => ({ probe, shown: ctx.expand(probe.path), first: undefined as string | undefined, last: undefined as Probe | undefined, at: 0 }));
    for (;;) {
      for (const p of probes) {
        if (p.last && !p.last.problem) continue;
        p.last = probeOnce(ctx.resolve(p.shown), p.shown, p.probe);
        p.first ??= p.last.seen;
        p.at = Math.round(performance.now() - started);
      }
      if (probes.every((p) => !p.last!.problem) || Date.now() >= until || ctx.signal.aborted) break;
      await sleep(POLL_MS);
    }
    for (const p of probes) {
      const { problem, seen, tooOpen } = p.last!;
      if (problem) problems.push(problem);
      if (problem && tooOpen) {
        findings.push({ id: findingIds['file-mode-too-open'].id, severity: 'error', message: tooOpen, hint: 'Create it with a restrictive umask (or chmod before anyone can connect or read).' });
      }
      // No times in the output: evidence of equal runs stays byte for byte the same.
      const settled = !problem && p.first !== seen ? ` (${p.first} at first)` : '';
      const output = problem ? `${problem}${settle > 0 ? ` (still so after the ${settle} ms settle time)` : ''}` : `${seen}${settled}`;
      runs.push({ command: `stat ${p.shown}`, exitCode: problem ? 1 : 0, durationMs: p.at, output, passed: !problem });
    }
    if (problems.length) return { status: 'failed', message: problems.join('; '), runs, findings };
    return { status: 'passed', message: `${spec.files.length} file(s) with the required mode`, runs, findings };
  },
};

function probeOnce(file: string, shown: string, probe: FileModeSpec['files'][number]): Probe {
  const want = parseInt(probe.mode ?? '0600', 8);
  try {
    // lstat: a symlink planted where the socket should be must not borrow its target's mode.
    const st = fs.lstatSync(file);
    const mode = st.mode & 0o777;
    const seen = `${typeOf(st)} ${octal(mode)}`;
    if (probe.type && typeOf(st) !== probe.type) return { problem: `${shown} is a ${typeOf(st)}, expected a ${probe.type}`, seen };
    if (mode === want) return { problem: undefined, seen };
    const problem = `${shown} has mode ${octal(mode)}, expected ${octal(want)}`;
    if ((mode & ~want) === 0) return { problem, seen };
    return { problem, seen, tooOpen: `${shown} is mode ${octal(mode)}: ${mode & 0o077 ? 'other users can reach it' : 'more open than required'} (expected ${octal(want)})` };
  } catch (e) {
    return { problem: `${shown} does not exist (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`, seen: 'missing' };
  }
}
