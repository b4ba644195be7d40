/**
 * The shipped schemas whose validators are compiled ahead of time (`pnpm gen:validators`) into
 * `schema/validators/<name>.cjs`: compiling the config schema alone costs more than 100 ms at every
 * start, loading its compiled form a few. A test keeps each file equal to what its schema compiles to.
 */
export interface ShippedValidator {
  name: string;
  /** The schema file, relative to the package root. */
  schema: string;
  /** Validators for parts of the schema, by export name; none: one validator for the whole schema. */
  parts?: Record<string, string>;
}

const TRACE_DEFINITIONS = ['header', 'request', 'raw', 'control', 'observation', 'end'];

export const SHIPPED_VALIDATORS: readonly ShippedValidator[] = [
  { name: 'config', schema: 'schema/cutover.config.schema.json' },
  { name: 'manifest', schema: 'schema/manifest.schema.json', parts: { commands: '#/definitions/commandsManifest', events: '#/definitions/eventsManifest' } },
  { name: 'matrix', schema: 'schema/matrix.schema.json' },
  { name: 'matrix-report', schema: 'schema/matrix-report.schema.json' },
  { name: 'trace', schema: 'schema/trace.schema.json', parts: Object.fromEntries(TRACE_DEFINITIONS.map((d) => [d, `#/definitions/${d}`])) },
];

export const VALIDATORS_DIR = 'schema/validators';
