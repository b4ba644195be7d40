import { CHECK_KINDS } from '../checks/registry.js';
import { AREAS, OS_VALUES } from './types.js';

export const MATRIX_SCHEMA_FILE = 'schema/matrix.schema.json';

type Schema = Record<string, unknown>;

const definitionName = (kind: string) => `${kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}Check`;

/**
 * The matrix file's JSON Schema: the base below plus one definition per check kind, taken from
 * the kind's own `schema`. Shipped as `schema/matrix.schema.json`; a test keeps that file equal
 * to this.
 */
export function matrixSchema(): Schema {
  const kinds: Record<string, Schema> = {};
  for (const k of CHECK_KINDS) {
    const { title, properties, required, ...rest } = k.schema as { title?: string; properties?: Schema; required?: string[] };
    kinds[definitionName(k.kind)] = {
      type: 'object',
      title: title ?? definitionName(k.kind),
      description: k.description,
      additionalProperties: false,
      required: ['kind', ...(required ?? [])],
      properties: { kind: { const: k.kind, description: 'The check kind.' }, ...properties },
      ...rest,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'cutover-matrix.schema.json',
    title: 'CutoverMatrix',
    description: 'A cutover validation matrix: rows map task ids to checks, run across operating systems × service modes.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'dimensions', 'rows'],
    properties: {
      $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' },
      version: { const: 1, description: 'Format version.' },
      dimensions: {
        type: 'object',
        title: 'Dimensions',
        description: 'The grid every row spans: each row × os × mode is one cell.',
        additionalProperties: false,
        required: ['os', 'mode'],
        properties: {
          os: { type: 'array', items: { enum: [...OS_VALUES] }, minItems: 1, uniqueItems: true, description: 'Operating systems the release must pass on.' },
          mode: {
            type: 'array',
            items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            minItems: 1,
            uniqueItems: true,
            description: 'Service modes (e.g. user, system); a check sees its mode as {{mode}} and $CUTOVER_MATRIX_MODE.',
          },
        },
      },
      defaults: {
        type: 'object',
        title: 'RowDefaults',
        description: 'Defaults for every row.',
        additionalProperties: false,
        properties: {
          timeoutMs: { type: 'integer', minimum: 1, description: 'Limit for one cell of a row, in ms (default 120000).' },
          required: { type: 'boolean', description: 'Whether rows are required by the gate (default true).' },
        },
      },
      targets: {
        type: 'object',
        description: 'Processes checks can run against (the daemon under test), by name; started fresh for every cell.',
        additionalProperties: { $ref: '#/definitions/Target' },
      },
      rows: { type: 'array', minItems: 1, items: { $ref: '#/definitions/Row' }, description: 'The matrix rows.' },
    },
    definitions: {
      Row: {
        type: 'object',
        title: 'Row',
        additionalProperties: false,
        required: ['id', 'title', 'area', 'tasks', 'check'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Unique row id, used by --filter and in reports.' },
          title: { type: 'string', minLength: 1, description: 'What the row proves, in a few words.' },
          area: { enum: [...AREAS], description: 'Validation area.' },
          tasks: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Task ids this row verifies; their evidence records its runs.' },
          required: { type: 'boolean', description: 'Whether the gate requires this row (default: defaults.required, else true).' },
          timeoutMs: { type: 'integer', minimum: 1, description: 'Limit for one cell of this row, in ms.' },
          target: { type: 'string', description: 'Name of a target (under `targets`) to start before the check and stop after it.' },
          notApplicable: {
            type: 'array',
            items: { $ref: '#/definitions/NotApplicable' },
            description: 'Cells that do not apply, each with its reason; every other cell must run.',
          },
          check: { $ref: '#/definitions/Check' },
        },
      },
      NotApplicable: {
        type: 'object',
        title: 'NotApplicable',
        description: 'A cell (or set of cells) that does not apply: os, mode or both, and the reason.',
        additionalProperties: false,
        required: ['reason'],
        // reason plus os, mode or both
        minProperties: 2,
        properties: {
          os: { enum: [...OS_VALUES], description: 'The operating system (all modes, unless mode is also given).' },
          mode: { type: 'string', description: 'The service mode (all operating systems, unless os is also given).' },
          reason: { type: 'string', minLength: 3, description: 'Why the cell does not apply; shown in reports and the dashboard.' },
        },
      },
      Target: {
        type: 'object',
        title: 'Target',
        additionalProperties: false,
        required: ['command'],
        properties: {
          command: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'argv, run without a shell; {{tmp}} is the cell\'s fresh temp dir.' },
          cwd: { type: 'string', description: 'Working directory, relative to the matrix file.' },
          env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment variables.' },
          ready: {
            type: 'object',
            title: 'Readiness',
            additionalProperties: false,
            description: 'When the target counts as started (default: at once).',
            properties: {
              stdout: { type: 'string', description: 'A regular expression a stdout line must match; a JSON line becomes {{ready.*}}.' },
              file: { type: 'string', description: 'A path that must exist (e.g. {{tmp}}/app.pid).' },
              connect: {
                type: 'string',
                description: 'An endpoint that must accept a connection: a Unix socket path, \\\\.\\pipe\\NAME or tcp://127.0.0.1:PORT. Unlike `file`, a socket that exists but does not accept yet (or is still being set up) is not ready.',
              },
              timeoutMs: { type: 'integer', minimum: 1, description: 'How long to wait (default 15000).' },
            },
          },
          secretFiles: { type: 'array', items: { type: 'string' }, description: 'Files whose contents are secrets (token files): never written to a report or evidence.' },
          stopTimeoutMs: { type: 'integer', minimum: 1, description: 'Grace after SIGTERM before SIGKILL (default 5000).' },
          forks: {
            type: 'boolean',
            description: 'The command starts the daemon in the background and exits (`mytool daemon start`): its exit with code 0 is expected, and the daemon it leaves (found by the run\'s mark, its process group or pidFile) is the target from then on.',
          },
          pidFile: {
            type: 'object',
            title: 'TargetPidFile',
            additionalProperties: false,
            required: ['path'],
            description: 'The PID file the daemon writes: the process it names belongs to the target (also when it cleared its environment and left the process group), so stopping the target ends it.',
            properties: {
              path: { type: 'string', description: 'Path of the PID file (placeholders allowed), relative to the matrix file.' },
              field: { type: 'string', description: 'For a JSON PID file, the dotted path of the pid (default pid); a file holding only a number needs none.' },
            },
          },
        },
      },
      Check: {
        type: 'object',
        title: 'Check',
        required: ['kind'],
        properties: { kind: { enum: CHECK_KINDS.map((k) => k.kind), description: 'The check kind.' } },
        allOf: CHECK_KINDS.map((k) => ({
          if: { type: 'object', properties: { kind: { const: k.kind } }, required: ['kind'] },
          then: { $ref: `#/definitions/${definitionName(k.kind)}` },
        })),
      },
      ...kinds,
    },
  };
}
