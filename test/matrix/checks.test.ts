import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../matrix/src/checks/registry.js';
import { matrixSchema } from '../../matrix/src/matrix-file/schema.js';
import { createAjv } from '../../core/src/config/validate.js';
import type { TargetSpec } from '../../matrix/src/matrix-file/types.js';
import { REPO_ROOT } from '../support/cli.js';
import { FIXTURES, miniTarget, ownTmpdir, runCheck } from './helpers.js';

const ROOT = path.join(FIXTURES, 'matrix/checks');

interface Expected {
  status: string;
  message?: string;
  output?: string;
  findings?: string[];
  lines?: number[];
  metrics?: string[];
  /** Strings (secrets) that must appear nowhere in the outcome. */
  absent?: string[];
}

function cases(kind: string): string[] {
  const dir = path.join(ROOT, kind);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((c) => fs.existsSync(path.join(dir, c, 'check.yaml'))).sort() : [];
}

describe('check kind registry', () => {
  it('registers every check kind file, each with fixtures and a schema definition', () => {
    const files = fs
      .readdirSync(path.join(REPO_ROOT, 'matrix/src/checks'))
      .filter((f) => f.endsWith('.ts') && !['types.ts', 'registry.ts'].includes(f))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(CHECK_KINDS.map((k) => k.kind).sort()).toEqual(files);
    const defs = Object.keys((matrixSchema().definitions ?? {}) as object);
    for (const k of CHECK_KINDS) {
      expect(cases(k.kind).length, `fixtures for ${k.kind} under test/fixtures/matrix/checks/${k.kind}/`).toBeGreaterThan(0);
      expect(defs.some((d) => d.toLowerCase() === `${k.kind.replace(/-/g, '')}check`), `schema definition for ${k.kind}`).toBe(true);
    }
  });
});

// No check leaves its cell folder behind.
ownTmpdir();

const validate = createAjv().compile(matrixSchema());

for (const k of CHECK_KINDS) {
  describe(`check kind ${k.kind}`, () => {
    for (const name of cases(k.kind)) {
      const dir = path.join(ROOT, k.kind, name);
      const input = parse(fs.readFileSync(path.join(dir, 'check.yaml'), 'utf8')) as { check: { kind: string }; target?: string[]; targets?: Record<string, TargetSpec>; timeoutMs?: number };
      const expected = parse(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Expected;
      const unixOnly = input.target !== undefined || input.targets !== undefined || k.kind === 'file-mode';
      it.skipIf(unixOnly && process.platform === 'win32')(name, async () => {
        // The fixture's check is a valid row of a matrix file.
        const doc = { version: 1, dimensions: { os: ['linux'], mode: ['user'] }, rows: [{ id: 'r', title: 't', area: 'lifecycle', tasks: ['T'], check: input.check }] };
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
        expect(k.validate?.(input.check, { targets: Object.keys(input.targets ?? {}), rowTarget: input.target ? 'daemon' : undefined }) ?? []).toEqual([]);
        const { outcome } = await runCheck(dir, input.check, {
          ...(input.target ? { target: miniTarget(...input.target) } : {}),
          ...(input.targets ? { targets: input.targets } : {}),
          ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
        });
        expect(outcome.status, outcome.message).toBe(expected.status);
        if (expected.message) expect(outcome.message).toMatch(new RegExp(expected.message));
        if (expected.output) expect(outcome.runs.map((r) => r.output).join('\n')).toMatch(new RegExp(expected.output));
        expect(outcome.findings.map((f) => f.id)).toEqual(expected.findings ?? []);
        if (expected.lines) expect(outcome.findings.map((f) => f.line)).toEqual(expected.lines);
        if (expected.metrics) expect(Object.keys(outcome.metrics ?? {}).sort()).toEqual([...expected.metrics].sort());
        // What a report or evidence would show never holds the cell's temp path or a token.
        const shown = JSON.stringify(outcome);
        expect(shown).not.toMatch(/cutover-cell-/);
        for (const secret of expected.absent ?? []) expect(shown).not.toContain(secret);
      });
    }
  });
}
