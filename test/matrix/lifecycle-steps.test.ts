import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STEP_KINDS } from '../../matrix/src/checks/lifecycle/registry.js';
import { REPO_ROOT } from '../support/cli.js';
import { FIXTURES } from './helpers.js';

describe('lifecycle step registry', () => {
  it('registers every step file, and every step kind runs in at least one fixture', () => {
    const camel = (f: string) => f.slice(0, -3).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const files = fs.readdirSync(path.join(REPO_ROOT, 'matrix/src/checks/lifecycle/steps')).filter((f) => f.endsWith('.ts')).map(camel).sort();
    expect(STEP_KINDS.map((k) => k.key).sort()).toEqual(files);
    const dir = path.join(FIXTURES, 'matrix/checks/lifecycle');
    const used = new Set<string>();
    for (const c of fs.readdirSync(dir)) {
      const input = parse(fs.readFileSync(path.join(dir, c, 'check.yaml'), 'utf8')) as { check: { steps: Array<Record<string, unknown>> } };
      for (const step of input.check.steps) used.add(Object.keys(step)[0]!);
    }
    expect(STEP_KINDS.map((k) => k.key).filter((k) => !used.has(k))).toEqual([]);
  });
});
