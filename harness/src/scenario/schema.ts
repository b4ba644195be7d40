/** The scenario file format (YAML or JSON). Each step has exactly one action key. */
const waitEvent = {
  type: 'object',
  additionalProperties: false,
  required: ['event'],
  properties: {
    event: { type: 'string', minLength: 1 },
    count: { type: 'integer', minimum: 1 },
    match: { type: 'object' },
    as: { type: 'string', minLength: 1 },
  },
};

export const SCENARIO_ACTIONS = ['send', 'raw', 'wait', 'connect', 'disconnect', 'reconnect', 'restart'] as const;

export const scenarioSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['steps'],
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
    description: { type: 'string' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          send: { type: 'string', minLength: 1 },
          params: { type: 'object' },
          as: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
          breaksContract: { type: 'boolean' },
          until: { anyOf: [{ type: 'string', minLength: 1 }, waitEvent] },
          conn: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
          raw: { type: 'string' },
          wait: { anyOf: [{ type: 'integer', minimum: 0 }, waitEvent] },
          connect: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
          disconnect: { anyOf: [{ type: 'boolean', const: true }, { type: 'string', pattern: '^[A-Za-z0-9_-]+$' }] },
          abrupt: { type: 'boolean' },
          reconnect: { anyOf: [{ type: 'boolean', const: true }, { type: 'string', pattern: '^[A-Za-z0-9_-]+$' }] },
          restart: { type: 'boolean', const: true },
        },
      },
    },
  },
} as const;
