import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import type { Extractor } from '../../manifests/src/model.js';
import { REPO_ROOT } from '../support/cli.js';
import { expectedOutput, FIXTURES } from './rust-fixture.js';

const EXTRACTOR_DIR = path.join(REPO_ROOT, 'manifests/src/extractors');
const unitFiles = fs.readdirSync(EXTRACTOR_DIR).filter((f) => /^rust-.*\.ts$/.test(f));
const fixtures = fs.readdirSync(FIXTURES).filter((d) => d.startsWith('rust-'));

describe('Rust extractor registry', () => {
  it('registers the extractor of every rust-*.ts unit file', async () => {
    expect(unitFiles.length).toBeGreaterThan(0);
    for (const file of unitFiles) {
      const mod = (await import(path.join(EXTRACTOR_DIR, file))) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v): v is Extractor => typeof v === 'object' && v !== null && 'extract' in v);
      expect(exported, file).toHaveLength(1);
      expect(EXTRACTORS, file).toContain(exported[0]);
      expect(exported[0]!.id).toBe(file.replace(/\.ts$/, ''));
    }
  });

  it('gives every Rust extractor the rust group and a fixture where it reports something', () => {
    const rust = EXTRACTORS.filter((x) => x.language === 'rust');
    expect(rust.map((x) => x.id).sort()).toEqual(unitFiles.map((f) => f.replace(/\.ts$/, '')).sort());
    for (const x of rust) {
      expect(x.group).toBe('rust');
      const covered = fixtures.filter((name) => expectedOutput(name)[x.id] !== undefined);
      expect(covered.length, `${x.id} has no fixture`).toBeGreaterThan(0);
    }
  });

  it('pairs every Rust fixture with its test file', () => {
    for (const name of fixtures) {
      expect(fs.existsSync(path.join(REPO_ROOT, 'test/manifests', `${name}.test.ts`)), name).toBe(true);
      expect(fs.existsSync(path.join(FIXTURES, name, 'expected.json')), name).toBe(true);
    }
  });
});
