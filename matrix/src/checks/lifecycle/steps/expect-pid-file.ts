import { readPidFile } from '../../../../../core/src/process/pid-file.js';
import { markOf, processTable, startedNoEarlier } from '../../../../../core/src/process/table.js';
import type { Look } from '../session.js';
import { TARGET, WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface ExpectPidFileValue {
  path?: string;
  field?: string;
  as?: string;
  withinMs?: number;
  target?: string;
}

/**
 * The target's PID file is right: it exists, holds a pid (a bare number or a JSON field), that
 * process is alive, and it is the process cutover started or one of its descendants (by its
 * process group, its parentage or, on Linux, the mark it inherited). A pid of a process that is
 * not the target's fails: a daemon that wrote someone else's pid, or a stale file left in place.
 */
export const expectPidFileStep: StepKind<ExpectPidFileValue> = {
  key: 'expectPidFile',
  description: "The PID file exists and names a live process that is the started target or one of its descendants; `as` captures {pid} (absence after stop: expectFile with exists: false).",
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      path: { type: 'string', description: "The PID file (default: the target's pidFile)." },
      field: { type: 'string', description: "For a JSON PID file, the dotted path of the pid (default: the target's pidFile.field, else pid)." },
      as: { type: 'string', pattern: '^[A-Za-z_][\\w-]*$', description: 'Capture {pid} under this name.' },
      withinMs: { ...WITHIN, description: 'How long the file may take to appear, in ms (default 2000).' },
      target: TARGET,
    },
  },
  needsTarget: true,
  targetOf: (v) => v.target,
  binds: (v) => v.as,
  describe: (v) => `expect PID file${v.path ? ` ${v.path}` : ''} to name the target`,
  async run(v, { session }) {
    const { state, started } = session.running(v.target);
    const raw = v.path ?? state.spec.pidFile?.path;
    if (raw === undefined) throw new StepFailed(`target ${state.name} has no pidFile; give the step a path`, 'error');
    const path = session.path(raw);
    const field = v.field ?? state.spec.pidFile?.field;
    const shownPath = session.expand(raw);
    const within = v.withinMs === undefined ? Math.min(2_000, session.bound(undefined)) : session.bound(v.withinMs);
    const pid = await session.waitFor(`${shownPath} to name a process`, within, (): Look<number> => {
      const r = readPidFile({ path, ...(field ? { field } : {}) });
      if ('pid' in r) return { ok: true, value: r.pid };
      return { ok: false, seen: 'missing' in r ? `${shownPath} does not exist` : `${shownPath}: ${r.problem}` };
    });
    const table = processTable();
    const entry = table.find((p) => p.pid === pid);
    if (!entry) throw new StepFailed(`${shownPath} names pid ${pid}, which is not running (a stale PID file)`);
    const proc = started.process;
    let how: string;
    if (pid === proc.pid) how = 'the started process';
    else if (proc.tree(table, false).some((p) => p.pid === pid)) how = 'a descendant of the started process';
    else {
      // A daemon that cleared its environment, left the group and whose parent exited cannot be
      // traced: started after the command and carrying no other run's mark is the most that shows.
      const since = proc.startStamp;
      const carried = markOf(pid);
      if (since === undefined || !startedNoEarlier(entry.start, since) || (carried !== undefined && carried !== proc.mark)) {
        throw new StepFailed(`${shownPath} names pid ${pid}, which is running but is not target ${state.name}'s process or one of its descendants`);
      }
      how = "a process started after the target's command (it carries no mark to trace it further)";
    }
    if (v.as) session.captures[v.as] = { pid };
    return `${shownPath} names a live process: ${how}`;
  },
};
