import fs from 'node:fs';
import type { Finding } from '../../../core/src/findings.js';
import { findingIds } from '../finding-ids.js';
import type { CheckKind, RunRecord } from './types.js';

type FileType = 'socket' | 'file' | 'directory';

export interface FileModeSpec {
  kind: 'file-mode';
  files: Array<{ path: string; mode?: string; type?: FileType }>;
}

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
    for (const probe of spec.files) {
      const shown = ctx.expand(probe.path);
      const file = ctx.resolve(shown);
      const want = parseInt(probe.mode ?? '0600', 8);
      const started = performance.now();
      let problem: string | undefined;
      let seen = 'missing';
      try {
        // lstat: a symlink planted where the socket should be must not borrow its target's mode.
        const st = fs.lstatSync(file);
        const mode = st.mode & 0o777;
        seen = `${typeOf(st)} ${octal(mode)}`;
        if (probe.type && typeOf(st) !== probe.type) problem = `${shown} is a ${typeOf(st)}, expected a ${probe.type}`;
        else if (mode !== want) {
          problem = `${shown} has mode ${octal(mode)}, expected ${octal(want)}`;
          if ((mode & ~want) !== 0) {
            findings.push({
              id: findingIds['file-mode-too-open'].id,
              severity: 'error',
              message: `${shown} is mode ${octal(mode)}: ${mode & 0o077 ? 'other users can reach it' : 'more open than required'} (expected ${octal(want)})`,
              hint: 'Create it with a restrictive umask (or chmod before anyone can connect or read).',
            });
          }
        }
      } catch (e) {
        problem = `${shown} does not exist (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`;
      }
      if (problem) problems.push(problem);
      runs.push({ command: `stat ${shown}`, exitCode: problem ? 1 : 0, durationMs: Math.round(performance.now() - started), output: problem ?? seen, passed: !problem });
    }
    if (problems.length) return { status: 'failed', message: problems.join('; '), runs, findings };
    return { status: 'passed', message: `${spec.files.length} file(s) with the required mode`, runs, findings };
  },
};
