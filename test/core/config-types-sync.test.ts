import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleSchema, listSectionFiles, renderSchema, SCHEMA_FILE, TYPES_FILE } from '../../core/src/config/assemble.js';
import { generateTypes } from '../../scripts/config-types.js';
import { REPO_ROOT } from '../support/cli.js';

describe('the config schema and its generated types', () => {
  it('the shipped schema is what the section files assemble to (run `pnpm gen:config` if this fails)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, SCHEMA_FILE), 'utf8');
    expect(committed).toBe(renderSchema(assembleSchema(REPO_ROOT)));
  });

  it('the TypeScript types are generated from that schema (run `pnpm gen:config` if this fails)', async () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, TYPES_FILE), 'utf8');
    expect(committed).toBe(await generateTypes(assembleSchema(REPO_ROOT)));
  });

  it('every section file becomes a top-level key, and each is an object schema with a title', () => {
    const schema = assembleSchema(REPO_ROOT) as { properties: Record<string, { type?: string; title?: string }> };
    for (const s of listSectionFiles(REPO_ROOT)) {
      expect(schema.properties[s.section], s.file).toBeDefined();
      expect(s.schema.type, `${s.file}: type`).toBe('object');
      expect(typeof s.schema.title, `${s.file}: title`).toBe('string');
    }
  });
});
