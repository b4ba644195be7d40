import fs from 'node:fs';
import { canonical } from '../../../../../harness/src/compare/canonical.js';
import { getPath } from '../../../../../harness/src/compare/json-path.js';
import { shown } from '../connect.js';
import { TargetDied, type Look } from '../session.js';
import { WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

type FileType = 'file' | 'socket' | 'directory';

interface ExpectFileValue {
  path: string;
  exists?: boolean;
  type?: FileType;
  mode?: string;
  json?: boolean;
  equals?: Record<string, unknown>;
  withinMs?: number;
}

const DEFAULT_MS = 1_000;
const octal = (n: number) => n.toString(8).padStart(4, '0');

function typeOf(st: fs.Stats): string {
  if (st.isSocket()) return 'socket';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  return st.isSymbolicLink() ? 'symbolic link' : 'special file';
}

/**
 * A file as the steps so far should have left it: there or gone, of a type, with an exact mode,
 * parsing as JSON, with values at JSON paths. Looked at until it holds or the bound runs out
 * (a daemon sets a socket's mode just after listening), and the last state seen is reported.
 */
export const expectFileStep: StepKind<ExpectFileValue> = {
  key: 'expectFile',
  description: 'A file exists (or is absent), of a type, with an exact mode, parsing as JSON, with values at JSON paths; waits (bounded) until it holds.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', description: 'The file (placeholders allowed), relative to the matrix file.' },
      exists: { type: 'boolean', description: 'false: it must be absent (default true).' },
      type: { enum: ['file', 'socket', 'directory'], description: 'Its type (lstat: a symbolic link is never any of these).' },
      mode: { type: 'string', pattern: '^0?[0-7]{3}$', description: 'Its exact permission bits, octal (e.g. 0600).' },
      json: { type: 'boolean', description: 'It must parse as JSON (a file cut short by a kill does not).' },
      equals: { type: 'object', description: 'JSON paths (sessions[0].title) and the values they must hold; implies json. Placeholders allowed ({{created.result.id}}).' },
      withinMs: { ...WITHIN, description: `How long it may take to hold, in ms (default ${DEFAULT_MS}).` },
    },
  },
  needsTarget: false,
  validate: (v) => (v.exists === false && (v.type || v.mode || v.json || v.equals) ? ['expectFile: an absent file has no type, mode or content to check'] : []),
  describe: (v) => `expect ${v.path} ${v.exists === false ? 'absent' : [v.type, v.mode, v.json || v.equals ? 'JSON' : ''].filter(Boolean).join(' ') || 'exists'}`,
  async run(v, { session }) {
    const shownPath = session.expand(v.path);
    const file = session.path(v.path);
    const equals = v.equals ? session.expandJson(v.equals) : undefined;
    const within = v.withinMs === undefined ? Math.min(DEFAULT_MS, session.bound(undefined)) : session.bound(v.withinMs);
    const look = (): Look<string> => {
      let st: fs.Stats;
      try {
        st = fs.lstatSync(file);
      } catch {
        return v.exists === false ? { ok: true, value: `${shownPath} is absent` } : { ok: false, seen: `${shownPath} does not exist` };
      }
      if (v.exists === false) return { ok: false, seen: `${shownPath} still exists` };
      const mode = st.mode & 0o777;
      if (v.type && typeOf(st) !== v.type) return { ok: false, seen: `${shownPath} is a ${typeOf(st)}, expected a ${v.type}` };
      if (v.mode && mode !== parseInt(v.mode, 8)) return { ok: false, seen: `${shownPath} has mode ${octal(mode)}, expected ${octal(parseInt(v.mode, 8))}` };
      if (!v.json && !equals) return { ok: true, value: `${shownPath}: ${typeOf(st)} ${octal(mode)}` };
      let doc: unknown;
      try {
        doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        return { ok: false, seen: `${shownPath} does not parse as JSON (${(e as Error).message.split('\n')[0]})` };
      }
      for (const [p, want] of Object.entries(equals ?? {})) {
        const got = getPath(doc, p);
        if (got === undefined || canonical(got) !== canonical(want)) return { ok: false, seen: `${shownPath}: ${p} is ${got === undefined ? 'missing' : shown(session, got, 120)}, expected ${shown(session, want, 120)}` };
      }
      return { ok: true, value: `${shownPath} parses as JSON${equals ? ` with ${Object.keys(equals).join(', ')} as expected` : ''}` };
    };
    try {
      return await session.waitFor(`${shownPath} as expected`, within, look);
    } catch (e) {
      // Say what was wrong, not only that the wait ran out.
      const last = look();
      if (e instanceof StepFailed && !(e instanceof TargetDied) && e.status === 'failed' && !last.ok) throw new StepFailed(`${last.seen} (still so after ${within} ms)`);
      throw e;
    }
  },
};
