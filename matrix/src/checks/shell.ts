import { describeRun, displayCommand, runToEnd } from '../../../core/src/process/run.js';
import type { CheckKind } from './types.js';

export interface ShellSpec {
  kind: 'shell';
  run: string | string[];
  cwd?: string;
  env?: Record<string, string>;
  expectExitCode?: number;
  /** A regular expression the output must match. */
  expectOutput?: string;
}

export const shellCheck: CheckKind<ShellSpec> = {
  kind: 'shell',
  description: 'Runs a command (a shell line, or an argv without a shell); passes on the expected exit code and, optionally, matching output.',
  schema: {
    title: 'ShellCheck',
    required: ['run'],
    properties: {
      run: {
        description: 'A shell command line, or an argv array run without shell word splitting. Placeholders: {{tmp}}, {{os}}, {{mode}}, {{root}}, {{ready.*}}.',
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', items: { type: 'string' }, minItems: 1 },
        ],
      },
      cwd: { type: 'string', description: 'Working directory, relative to the matrix file (default: its folder).' },
      env: { type: 'object', description: 'Extra environment variables.', additionalProperties: { type: 'string' } },
      expectExitCode: { type: 'integer', description: 'Exit code that counts as a pass (default 0).' },
      expectOutput: { type: 'string', description: 'A regular expression the combined output must match.' },
    },
  },
  describe: (spec) => displayCommand(spec.run),
  async run(spec, ctx) {
    const command = typeof spec.run === 'string' ? ctx.expandShell(spec.run) : spec.run.map(ctx.expand);
    const shown = displayCommand(command);
    const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, ctx.expand(v)]));
    const limit = ctx.remainingMs();
    ctx.progress(shown);
    const r = await runToEnd({
      command,
      cwd: ctx.resolve(spec.cwd ? ctx.expand(spec.cwd) : '.'),
      env: { CUTOVER_MATRIX_OS: ctx.cell.os, CUTOVER_MATRIX_MODE: ctx.cell.mode, ...env },
      timeoutMs: limit,
      signal: ctx.signal,
      redactor: ctx.redactor,
    });
    const output = r.tail();
    const expected = spec.expectExitCode ?? 0;
    const run = { command: ctx.redactor.text(shown), exitCode: r.exitCode, durationMs: r.durationMs, output, passed: false };
    if (r.spawnError || r.timedOut || r.aborted) {
      return { status: 'error', message: describeRun(r, limit, 'the command'), runs: [run], findings: [] };
    }
    if (r.exitCode !== expected) {
      return { status: 'failed', message: `${describeRun(r, limit, 'the command')} (expected ${expected})`, runs: [run], findings: [] };
    }
    if (spec.expectOutput !== undefined && !new RegExp(spec.expectOutput, 'm').test(r.text())) {
      return { status: 'failed', message: `the output does not match /${spec.expectOutput}/`, runs: [run], findings: [] };
    }
    run.passed = true;
    return { status: 'passed', message: `exited with ${expected} in ${r.durationMs} ms`, runs: [run], findings: [] };
  },
};
