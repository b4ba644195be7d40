#!/usr/bin/env node
// Assembles the config JSON Schema from its sections and regenerates the TypeScript types.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jiti = createJiti(import.meta.url);
const { assembleSchema, renderSchema, SCHEMA_FILE, TYPES_FILE } = await jiti.import(path.join(root, 'core/src/config/assemble.ts'));
const { generateTypes } = await jiti.import(path.join(root, 'scripts/config-types.ts'));

const schema = assembleSchema(root);
fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
fs.writeFileSync(path.join(root, SCHEMA_FILE), renderSchema(schema));
fs.writeFileSync(path.join(root, TYPES_FILE), await generateTypes(schema));
console.log(`wrote ${SCHEMA_FILE} and ${TYPES_FILE} (${Object.keys(schema.properties).length} top-level keys)`);
