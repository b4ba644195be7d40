import { describeRun, displayCommand, runToEnd } from '../../../../../core/src/process/run.js';
import type { Look } from '../session.js';
import { COMMAND, SIGNAL, TARGET, WITHIN, signalName, stringOr } from '../schema-parts.js';
import { stopInstance } from '../stopping.js';
import { StepFailed, type StepKind } from '../types.js';

type StopValue =
  | string
  | {
      target?: string;
      graceMs?: number;
      signal?: string;
      endedBy?: 'signal' | 'SIGKILL' | 'any';
      command?: string | string[];
      expectExitCode?: number;
      expectOutput?: string;
      withinMs?: number;
    };

/**
 * Stops the target and says what ended it. By default cutover sends SIGTERM to its whole tree and
 * SIGKILL after `graceMs`; a target that needed SIGKILL fails the step. With `command`, the app's
 * own stop command does it (`mytool daemon stop`): it must succeed and the target must be gone
 * within `graceMs` after it.
 */
export const stopStep: StepKind<StopValue> = {
  key: 'stop',
  description: 'Stops the target: SIGTERM to its whole tree, SIGKILL after graceMs, reporting which ended it (needing SIGKILL fails unless endedBy allows it); or runs the app\'s own stop command and checks the target is gone after it.',
  schema: stringOr('A target name, or options.', {
    properties: {
      target: TARGET,
      graceMs: { type: 'integer', minimum: 0, description: "How long the target has to end after the signal (or after the stop command), in ms (default: the target's stopTimeoutMs, else 5000)." },
      signal: { ...SIGNAL, description: 'The first signal (default TERM).' },
      endedBy: { enum: ['signal', 'SIGKILL', 'any'], description: 'What must end it: signal (default: the first signal, without SIGKILL), SIGKILL (it must need the escalation), any.' },
      command: { ...COMMAND, description: "The app's own stop command, run in the target's folder with its environment (placeholders allowed)." },
      expectExitCode: { type: 'integer', description: 'The stop command\'s exit code (default 0).' },
      expectOutput: { type: 'string', description: 'A regular expression the stop command\'s output must match (e.g. how it says it stopped the target).' },
      withinMs: { ...WITHIN, description: 'How long the stop command may run, in ms.' },
    },
  }),
  needsTarget: true,
  targetOf: (v) => (typeof v === 'string' ? v : v.target),
  validate: (v) => (typeof v === 'object' && v.expectOutput !== undefined && !isRegex(v.expectOutput) ? [`stop.expectOutput: not a valid regular expression: ${v.expectOutput}`] : []),
  describe: (v) => {
    if (typeof v === 'string') return `stop ${v}`;
    if (v.command) return `stop with ${displayCommand(v.command)}`;
    return `stop${v.target ? ` ${v.target}` : ''} (${signalName(v.signal ?? 'TERM')}${v.graceMs !== undefined ? `, SIGKILL after ${v.graceMs} ms` : ''})`;
  },
  async run(v, { session }) {
    const o = typeof v === 'string' ? { target: v } : v;
    const state = session.target(o.target);
    const t = state.current!;
    const grace = o.graceMs ?? t.spec.stopTimeoutMs ?? 5_000;
    if (!o.command) return stopInstance(state, grace, signalName(o.signal ?? 'TERM'), o.endedBy ?? 'signal');
    state.mayEnd = true;
    const command = typeof o.command === 'string' ? session.expandShell(o.command) : o.command.map((a) => session.expand(a));
    const limit = session.bound(o.withinMs);
    const r = await runToEnd({
      command,
      cwd: session.ctx.resolve(t.spec.cwd ? session.expand(t.spec.cwd) : '.'),
      env: Object.fromEntries(Object.entries(t.spec.env ?? {}).map(([k, x]) => [k, session.expand(x)])),
      timeoutMs: limit,
      signal: session.ctx.signal,
      redactor: session.ctx.redactor,
    });
    const shownCmd = session.ctx.redactor.text(displayCommand(command));
    const out = r.tail(10);
    if (r.spawnError || r.timedOut || r.exitCode !== (o.expectExitCode ?? 0)) {
      throw new StepFailed(`${describeRun(r, limit, shownCmd)}${r.exitCode !== null && !r.timedOut ? ` (expected ${o.expectExitCode ?? 0})` : ''}${out ? `; its output ends with:\n${out}` : ''}`, r.spawnError ? 'error' : 'failed');
    }
    if (o.expectOutput !== undefined && !new RegExp(o.expectOutput, 'm').test(r.text())) {
      throw new StepFailed(`the output of ${shownCmd} does not match /${o.expectOutput}/${out ? `; it ends with:\n${out}` : ''}`);
    }
    try {
      await session.waitFor(`target ${state.name} to end after ${shownCmd}`, Math.max(1, grace), (): Look<true> => (t.isRunning() ? { ok: false, seen: 'still running' } : { ok: true, value: true }));
    } catch (e) {
      if (!(e instanceof StepFailed)) throw e;
      const how = await stopInstance(state, 0, 'SIGKILL', 'any');
      throw new StepFailed(`${(e as Error).message}; cutover ended it (${how})`);
    }
    await t.process.stop(0);
    return `${shownCmd} exited with code ${r.exitCode}; target ${state.name} ended`;
  },
};

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'm');
    return true;
  } catch {
    return false;
  }
}
