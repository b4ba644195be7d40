import { describeRun, displayCommand, runToEnd } from '../../../../../core/src/process/run.js';
import { COMMAND, WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface RunValue {
  command: string | string[];
  cwd?: string;
  env?: Record<string, string>;
  expectExitCode?: number;
  expectOutput?: string;
  as?: string;
  withinMs?: number;
}

/**
 * Runs one of the app's own commands to its end (`mytool daemon status`), in the folder and with
 * the environment of the target started last, and checks its exit code and output. Whatever it
 * leaves running ends with it: a command that starts the daemon is a target (`forks: true`), not a run.
 */
export const runStep: StepKind<RunValue> = {
  key: 'run',
  description: "Runs one of the app's own commands to its end (a status command, a second start) with the last started target's folder and environment; checks its exit code (default 0) and output.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['command'],
    properties: {
      command: COMMAND,
      cwd: { type: 'string', description: "Working directory, relative to the matrix file (default: the target's, else the matrix file's folder)." },
      env: { type: 'object', additionalProperties: { type: 'string' }, description: "Environment variables, beside the target's." },
      expectExitCode: { type: 'integer', description: 'The exit code it must end with (default 0).' },
      expectOutput: { type: 'string', description: 'A regular expression its output (stdout and stderr) must match.' },
      as: { type: 'string', pattern: '^[A-Za-z_][\\w-]*$', description: 'Capture {exitCode, output} under this name.' },
      withinMs: WITHIN,
    },
  },
  needsTarget: false,
  binds: (v) => v.as,
  validate: (v) => {
    if (v.expectOutput === undefined) return [];
    try {
      new RegExp(v.expectOutput, 'm');
      return [];
    } catch {
      return [`run.expectOutput: not a valid regular expression: ${v.expectOutput}`];
    }
  },
  describe: (v) => `run ${displayCommand(v.command)}`,
  async run(v, { session }) {
    const t = session.current?.spec;
    const command = typeof v.command === 'string' ? session.expandShell(v.command) : v.command.map((a) => session.expand(a));
    const shownCmd = session.ctx.redactor.text(displayCommand(command));
    const limit = session.bound(v.withinMs);
    const cwd = v.cwd ?? t?.cwd;
    const env = { ...t?.env, ...v.env };
    const r = await runToEnd({
      command,
      cwd: session.ctx.resolve(cwd ? session.expand(cwd) : '.'),
      env: Object.fromEntries(Object.entries(env).map(([k, x]) => [k, session.expand(x)])),
      timeoutMs: limit,
      signal: session.ctx.signal,
      redactor: session.ctx.redactor,
    });
    const out = r.tail(10);
    const ending = out ? `; its output ends with:\n${out}` : '';
    const want = v.expectExitCode ?? 0;
    if (r.spawnError || r.timedOut || r.aborted) throw new StepFailed(`${describeRun(r, limit, shownCmd)}${ending}`, r.spawnError ? 'error' : 'failed');
    if (r.exitCode !== want) throw new StepFailed(`${describeRun(r, limit, shownCmd)}, expected ${want}${ending}`);
    if (v.expectOutput !== undefined && !new RegExp(v.expectOutput, 'm').test(r.text())) throw new StepFailed(`the output of ${shownCmd} does not match /${v.expectOutput}/${ending}`);
    if (v.as) session.captures[v.as] = { exitCode: r.exitCode, output: r.text() };
    return `${shownCmd} exited with code ${r.exitCode}${v.expectOutput !== undefined ? ` and its output matches /${v.expectOutput}/` : ''}`;
  },
};
