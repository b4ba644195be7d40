import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASK_SOURCES } from '../../core/src/tasks/registry.js';
import type { TaskSource } from '../../core/src/tasks/types.js';
import { REPO_ROOT } from '../support/cli.js';
import { expected, FIXTURES, fixtureInput, parseFixture } from './fixture.js';

const SOURCES_DIR = path.join(REPO_ROOT, 'core/src/tasks');

const isTaskSource = (v: unknown): v is TaskSource =>
  typeof v === 'object' && v !== null && typeof (v as TaskSource).id === 'string' && typeof (v as TaskSource).parse === 'function' && typeof (v as TaskSource).matches === 'function';

describe('task source registry', () => {
  it('registers every TaskSource exported from core/src/tasks/', async () => {
    const exported: string[] = [];
    for (const name of fs.readdirSync(SOURCES_DIR).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(path.join(SOURCES_DIR, name))) as Record<string, unknown>;
      for (const v of Object.values(mod)) if (isTaskSource(v) && !exported.includes(v.id)) exported.push(v.id);
    }
    expect(exported.sort()).toEqual(TASK_SOURCES.map((s) => s.id).sort());
  });

  it('has unique ids', () => {
    expect(new Set(TASK_SOURCES.map((s) => s.id)).size).toBe(TASK_SOURCES.length);
  });

  for (const source of TASK_SOURCES) {
    describe(source.id, () => {
      it('has a fixture named after it, with expected output', () => {
        expect(fs.existsSync(path.join(FIXTURES, source.id, 'expected.json'))).toBe(true);
      });

      it('reads its fixture by extension', () => {
        expect(source.matches(fixtureInput(source.id))).toBe(true);
        expect(TASK_SOURCES.filter((s) => s.matches(fixtureInput(source.id)))).toEqual([source]);
      });

      it('parses its fixture to the expected tasks, with no findings', () => {
        const result = parseFixture(source.id) as { findings: unknown[] };
        expect(result.findings).toEqual([]);
        expect(result).toEqual(expected(source.id));
      });
    });
  }
});
