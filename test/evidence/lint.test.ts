import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedFindings, FIXTURES, fixtureDir, lintProject } from './fixture.js';

/** Each fixture is the valid project with exactly one gap; lint must name that gap and nothing else. */
const CASES: Record<string, [id: string, location: string][]> = {
  'lint-valid': [],
  'lint-aliases': [],
  'lint-missing-file': [['evidence-missing', 'tasks.md:5']],
  'lint-missing-section': [['evidence-section-missing', 'docs/migration-evidence/P0-T001.md']],
  'lint-empty-section': [['evidence-section-empty', 'docs/migration-evidence/P0-T001.md:28']],
  'lint-id-mismatch': [['evidence-id-mismatch', 'docs/migration-evidence/P0-T001.md:1']],
  'lint-path-missing': [['evidence-path-missing', 'docs/migration-evidence/P0-T001.md:12']],
  'lint-setext': [],
  'lint-heading-decoration': [],
  'lint-nested-sections': [],
  'lint-empty-thematic-break': [['evidence-section-empty', 'docs/migration-evidence/P0-T001.md:28']],
  'lint-empty-parent-section': [['evidence-section-empty', 'docs/migration-evidence/P0-T001.md:14']],
  'lint-windows-paths': [
    ['evidence-path-outside', 'docs/migration-evidence/P0-T001.md:13'],
    ['evidence-path-outside', 'docs/migration-evidence/P0-T001.md:14'],
  ],
  'lint-unsafe-id': [
    ['evidence-id-unsafe', 'ledger.csv:2'],
    ['evidence-id-unsafe', 'ledger.csv:3'],
  ],
};

describe('evidence lint, one gap per fixture', () => {
  it('covers every lint fixture', () => {
    expect(fs.readdirSync(FIXTURES).filter((n) => n.startsWith('lint-')).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, want] of Object.entries(CASES)) {
    it(`${name}: ${want.length ? want.map(([id]) => id).join(', ') : 'passes'}`, async () => {
      const findings = await lintProject(fixtureDir(name));
      expect(findings.map((f) => [f.id, f.line === undefined ? f.file : `${f.file}:${f.line}`])).toEqual(want);
      expect(findings).toEqual(expectedFindings(name));
    });
  }

  it('a missing Files Changed path is a warning, every other gap an error', async () => {
    expect((await lintProject(fixtureDir('lint-path-missing')))[0]?.severity).toBe('warning');
    expect((await lintProject(fixtureDir('lint-empty-section')))[0]?.severity).toBe('error');
  });
});
