import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import { findingIds } from '../../manifests/src/finding-ids.js';
import { RULES } from '../../manifests/src/rules/registry.js';
import { REPO_ROOT } from '../support/cli.js';
import { FIXTURES } from './ts-fixture.js';

const SRC = path.join(REPO_ROOT, 'manifests/src');

async function exportedUnits(folder: string, skip: string[]): Promise<{ file: string; unit: { id: string } }[]> {
  const out: { file: string; unit: { id: string } }[] = [];
  for (const file of fs.readdirSync(path.join(SRC, folder)).sort()) {
    if (!file.endsWith('.ts') || skip.includes(file)) continue;
    const mod = (await import(pathToFileURL(path.join(SRC, folder, file)).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) if (v && typeof v === 'object' && 'id' in v) out.push({ file, unit: v as { id: string } });
  }
  return out;
}

describe('manifests units are registered and have fixtures', () => {
  it('every extractor file is in the extractor registry, ids unique', async () => {
    const units = await exportedUnits('extractors', ['registry.ts']);
    expect(units.length).toBe(fs.readdirSync(path.join(SRC, 'extractors')).filter((f) => f.endsWith('.ts') && f !== 'registry.ts').length);
    for (const { file, unit } of units) expect(EXTRACTORS, file).toContain(unit);
    expect(new Set(EXTRACTORS.map((e) => e.id)).size).toBe(EXTRACTORS.length);
  });

  it('every TypeScript extractor produces output in at least one fixture', () => {
    const covered = new Set<string>();
    for (const dir of fs.readdirSync(FIXTURES)) {
      const file = path.join(FIXTURES, dir, 'expected.json');
      if (dir.startsWith('ts-') && fs.existsSync(file)) for (const id of Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object)) covered.add(id);
    }
    for (const e of EXTRACTORS.filter((x) => x.language === 'typescript')) expect(covered, e.id).toContain(e.id);
  });

  it('every rule file is in the rule registry, reports a declared id, and has a fixture', async () => {
    const units = await exportedUnits('rules', ['registry.ts', 'rule.ts', 'suggest.ts']);
    expect(units.map((u) => u.unit.id).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const r of RULES) {
      expect(Object.keys(findingIds)).toContain(r.id);
      expect(fs.existsSync(path.join(FIXTURES, 'rules', r.id, 'facts.json')), r.id).toBe(true);
      expect(fs.existsSync(path.join(FIXTURES, 'rules', r.id, 'expected.json')), r.id).toBe(true);
    }
  });

  it("the config's check.rules lists exactly the ids check can report", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'manifests/config/manifests.schema.json'), 'utf8')) as {
      properties: { check: { properties: { rules: { properties: Record<string, unknown> } } } };
    };
    const configurable = Object.keys(schema.properties.check.properties.rules.properties).sort();
    const extraction = ['parse-error', 'parse-recovered', 'unresolved-registration', 'unresolved-dispatch', 'wide-integer', 'unknown-type', 'nothing-extracted'];
    const reported = [...new Set([...RULES.map((r) => r.id), ...extraction])].sort();
    expect(configurable).toEqual(reported);
  });
});
