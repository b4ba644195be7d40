import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import { CONFIG_SCHEMA_FILE } from '../schemas.js';

/**
 * One JSON Schema is the source of truth for the config. It is written in parts so each pillar
 * owns its section: `core/config/root.schema.json` for the top-level keys, and
 * `<pillar>/config/<section>.schema.json` for a section named after the file. `pnpm gen:config`
 * assembles them into `schema/cutover.config.schema.json` (shipped, used by ajv at run time) and
 * `core/src/config/types.generated.ts` (through `scripts/config-types.ts`); a test fails when either is stale.
 */
export const PILLARS = ['manifests', 'harness', 'matrix', 'evidence'] as const;
/** Folders whose `config/` holds sections: core's own (tasks) and each pillar's. */
const SECTION_DIRS = ['core', ...PILLARS] as const;
export const SCHEMA_FILE = CONFIG_SCHEMA_FILE;
export const TYPES_FILE = 'core/src/config/types.generated.ts';

type JsonSchema = Record<string, unknown>;

export interface SectionFile {
  section: string;
  file: string;
  schema: JsonSchema;
}

export function listSectionFiles(root = packageRoot()): SectionFile[] {
  const out: SectionFile[] = [];
  for (const owner of SECTION_DIRS) {
    const dir = path.join(root, owner, 'config');
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.schema.json') || name === 'root.schema.json') continue;
      const file = path.join(dir, name);
      out.push({ section: name.slice(0, -'.schema.json'.length), file, schema: JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema });
    }
  }
  return out.sort((a, b) => a.section.localeCompare(b.section));
}

/** Rewrites a section's local `#/definitions/X` refs so all sections can share one definitions table. */
function hoist(section: string, node: unknown, defs: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => hoist(section, n, defs));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
      out[k] = `#/definitions/${section}_${v.slice('#/definitions/'.length)}`;
    } else if (k === 'definitions' && v && typeof v === 'object') {
      for (const [name, def] of Object.entries(v)) defs[`${section}_${name}`] = hoist(section, def, defs);
    } else {
      out[k] = hoist(section, v, defs);
    }
  }
  return out;
}

export function assembleSchema(root = packageRoot()): JsonSchema {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'core/config/root.schema.json'), 'utf8')) as JsonSchema;
  const definitions: Record<string, unknown> = {};
  const properties: Record<string, unknown> = { ...(base.properties as Record<string, unknown>) };
  const seen = new Map<string, string>();
  for (const s of listSectionFiles(root)) {
    const other = seen.get(s.section);
    if (other) throw new Error(`config section "${s.section}" is defined twice: ${other} and ${s.file}`);
    seen.set(s.section, s.file);
    properties[s.section] = hoist(s.section, s.schema, definitions);
  }
  const sortedDefs = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'cutover.config.schema.json',
    title: 'CutoverConfig',
    description: base.description,
    type: 'object',
    additionalProperties: false,
    properties,
    ...(Object.keys(sortedDefs).length ? { definitions: sortedDefs } : {}),
  };
}

export function renderSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
