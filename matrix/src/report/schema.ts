import { AREAS, OS_VALUES } from '../matrix-file/types.js';

export const REPORT_SCHEMA_FILE = 'schema/matrix-report.schema.json';

const finding = {
  type: 'object',
  required: ['id', 'severity', 'message'],
  properties: {
    id: { type: 'string' },
    severity: { enum: ['error', 'warning', 'info'] },
    message: { type: 'string' },
    file: { type: 'string' },
    line: { type: 'integer' },
    column: { type: 'integer' },
    hint: { type: 'string' },
    data: { type: 'object' },
  },
};

const statuses = ['passed', 'failed', 'error', 'inconclusive', 'not_applicable', 'skipped'];

/** The JSON Schema of a matrix report (`cutover matrix run` / `merge` output), shipped as schema/matrix-report.schema.json. */
export function reportSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'cutover-matrix-report.schema.json',
    title: 'CutoverMatrixReport',
    description: 'What `cutover matrix run` really ran, cell by cell, tied to the commit it ran on.',
    type: 'object',
    required: ['format', 'version', 'matrix', 'commit', 'createdAt', 'cutoverVersion', 'runs', 'cells', 'summary'],
    properties: {
      format: { const: 'cutover-matrix-report' },
      version: { const: 1 },
      matrix: {
        type: 'object',
        required: ['file', 'hash'],
        properties: { file: { type: 'string' }, hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      },
      commit: {
        type: 'object',
        required: ['sha', 'dirty', 'fingerprint', 'changed', 'excluded'],
        properties: {
          sha: { type: ['string', 'null'] },
          dirty: { type: 'boolean' },
          fingerprint: { type: ['string', 'null'] },
          scheme: { type: 'string' },
          changed: { type: 'array', items: { type: 'string' } },
          entries: {
            type: 'array',
            items: { type: 'object', required: ['file', 'blob'], properties: { file: { type: 'string' }, blob: { type: 'string' } } },
          },
          excluded: { type: 'array', items: { type: 'string' } },
          reason: { type: 'string' },
        },
      },
      createdAt: { type: 'string', format: 'date-time' },
      cutoverVersion: { type: 'string' },
      runs: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['os', 'arch', 'node', 'createdAt'],
          properties: {
            os: { enum: [...OS_VALUES] },
            arch: { type: 'string' },
            node: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
            filter: { type: 'array', items: { type: 'string' } },
            shard: {
              type: 'object',
              required: ['index', 'total'],
              properties: { index: { type: 'integer', minimum: 1 }, total: { type: 'integer', minimum: 1 } },
            },
          },
        },
      },
      cells: {
        type: 'array',
        items: {
          type: 'object',
          required: ['row', 'title', 'area', 'tasks', 'os', 'mode', 'required', 'status', 'message', 'kind'],
          properties: {
            row: { type: 'string' },
            title: { type: 'string' },
            area: { enum: [...AREAS] },
            tasks: { type: 'array', items: { type: 'string' } },
            os: { enum: [...OS_VALUES] },
            mode: { type: 'string' },
            required: { type: 'boolean' },
            status: { enum: statuses },
            message: { type: 'string' },
            kind: { type: 'string' },
            runId: { type: 'string' },
            durationMs: { type: 'number', minimum: 0 },
            runs: {
              type: 'array',
              items: {
                type: 'object',
                required: ['command', 'exitCode', 'durationMs', 'output', 'passed'],
                properties: {
                  command: { type: 'string' },
                  exitCode: { type: ['integer', 'null'] },
                  durationMs: { type: 'number' },
                  output: { type: 'string' },
                  passed: { type: 'boolean' },
                },
              },
            },
            findings: { type: 'array', items: finding },
            metrics: { type: 'object', additionalProperties: { type: 'number' } },
          },
        },
      },
      summary: {
        type: 'object',
        // Reports written before cells could be inconclusive have no count for it.
        required: statuses.filter((s) => s !== 'inconclusive'),
        properties: Object.fromEntries(statuses.map((s) => [s, { type: 'integer', minimum: 0 }])),
      },
    },
  };
}
