import fs from 'node:fs';
import { accepts, ask, endpointOf, REQUEST_PROPERTIES, shown, type RequestValue } from '../connect.js';
import { describeLog, findLine, LOG_MATCH_PROPERTIES, validateLog, type LogMatch } from '../log.js';
import type { Look } from '../session.js';
import { TARGET, WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface ReadyValue {
  connect?: string;
  file?: string;
  log?: LogMatch;
  request?: RequestValue;
  target?: string;
  withinMs?: number;
}

/** Waits until the target is ready in every way given: an endpoint accepts, a file exists, a line shows, a health request is answered. */
export const readyStep: StepKind<ReadyValue> = {
  key: 'ready',
  description: 'Waits until an endpoint accepts a connection, a file exists, a log line shows and/or a health request is answered with success (all that are given).',
  schema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      connect: { type: 'string', description: 'An endpoint that must accept a connection (a Unix socket path, \\\\.\\pipe\\NAME, tcp://127.0.0.1:PORT).' },
      file: { type: 'string', description: 'A path that must exist.' },
      log: { type: 'object', title: 'LifecycleLogMatch', additionalProperties: false, required: ['pattern'], description: 'A line that must show.', properties: LOG_MATCH_PROPERTIES },
      request: { type: 'object', title: 'LifecycleHealthRequest', additionalProperties: false, required: ['command'], description: 'A request that must be answered with success (sent again until it is).', properties: REQUEST_PROPERTIES },
      target: TARGET,
      withinMs: WITHIN,
    },
  },
  needsTarget: true,
  targetOf: (v) => v.target,
  validate: (v) => validateLog(v.log, 'ready.log'),
  describe: (v) =>
    `ready: ${[v.connect && `${v.connect} accepts`, v.file && `${v.file} exists`, v.log && describeLog(v.log), v.request && `${v.request.command} answers`].filter(Boolean).join(', ')}`,
  async run(v, { session }) {
    const { state } = session.running(v.target);
    const within = session.bound(v.withinMs);
    const seen: string[] = [];
    if (v.connect !== undefined) {
      const endpoint = endpointOf(session, v.connect);
      await session.waitFor(`${session.expand(v.connect)} to accept a connection`, within, () => accepts(endpoint));
      seen.push(`${session.expand(v.connect)} accepts`);
    }
    if (v.file !== undefined) {
      const file = session.path(v.file);
      await session.waitFor(`${session.expand(v.file)} to exist`, within, (): Look<true> => (fs.existsSync(file) ? { ok: true, value: true } : { ok: false, seen: 'missing' }));
      seen.push(`${session.expand(v.file)} exists`);
    }
    if (v.log) {
      const m = v.log;
      await session.waitFor(`a line matching ${describeLog(m)}`, within, (): Look<string> => {
        const l = findLine(session, state, m);
        return l === undefined ? { ok: false } : { ok: true, value: l };
      });
      seen.push(`a line matching /${m.pattern}/ showed`);
    }
    if (v.request) {
      const req = v.request;
      await session.waitFor(`a successful answer to ${req.command}`, within, async () => {
        try {
          const a = await ask(session, req, Math.min(2_000, within));
          return a.ok ? { ok: true, value: a } : { ok: false, seen: shown(session, a.msg) };
        } catch (e) {
          if (e instanceof StepFailed) return { ok: false, seen: e.message };
          throw e;
        }
      }, 50);
      seen.push(`${req.command} answered with a success`);
    }
    return seen.join('; ');
  },
};
