import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';
import { DEFAULT_SECTIONS, evidenceSettings, lintEvidence } from '../../evidence/src/index.js';

const FILE = path.join('/project', 'cutover.config.json');

describe('evidence config section', () => {
  it('defaults to the seven runbook sections under docs/migration-evidence', () => {
    const s = evidenceSettings(validateConfig({}, FILE));
    expect(s.dir).toBe('/project/docs/migration-evidence');
    expect(s.root).toBe('/project');
    expect(s.sections.map((x) => x.name)).toEqual(DEFAULT_SECTIONS.map((x) => x.name));
    expect(s.sections).toHaveLength(7);
    expect(s.requireFor).toEqual(['done']);
  });

  it('resolves its folders from the config folder and gives renamed sections their role by name', () => {
    const s = evidenceSettings(validateConfig({ evidence: { dir: 'evidence', root: '..', sections: [{ name: 'files changed' }, { name: 'Undo', role: 'rollback-path' }, { name: 'Notes' }] } }, FILE));
    expect([s.dir, s.root]).toEqual(['/project/evidence', '/']);
    expect(s.sections.map((x) => x.role)).toEqual(['files-changed', 'rollback-path', undefined]);
  });

  it('rejects a placeholder that is not a regular expression, naming the key', () => {
    expect(() => evidenceSettings(validateConfig({ evidence: { placeholders: ['(unclosed'] } }, FILE))).toThrow(ConfigError);
    expect(() => evidenceSettings(validateConfig({ evidence: { placeholders: ['(unclosed'] } }, FILE))).toThrow(/evidence\.placeholders\[0\]/);
  });

  it('rejects an unknown role and an empty section list', () => {
    expect(() => validateConfig({ evidence: { sections: [{ name: 'X', role: 'summary' }] } }, FILE)).toThrow(ConfigError);
    expect(() => validateConfig({ evidence: { sections: [] } }, FILE)).toThrow(ConfigError);
  });

  it('a configured section list replaces the default seven, and lint warns once about each default it drops', async () => {
    const loaded = validateConfig({ evidence: { sections: [{ name: 'Summary' }, { name: 'Files Changed' }, { name: 'Risk Notes', required: false }] } }, FILE);
    const s = evidenceSettings(loaded);
    expect(s.sections.map((x) => x.name)).toEqual(['Summary', 'Files Changed', 'Risk Notes']);
    expect(s.droppedDefaults).toEqual(['Verification Commands', 'Verification Output', 'Behavior Proof', 'Rollback Path']);
    const { findings } = await lintEvidence(loaded, []);
    expect(findings.map((f) => [f.id, f.severity, f.file])).toEqual([['evidence-sections-dropped', 'warning', FILE]]);
    expect(findings[0]!.message).toBe(
      'evidence.sections replaces the default seven sections and leaves out "Verification Commands", "Verification Output", "Behavior Proof", "Rollback Path": no evidence file is required to have them',
    );
    // Listing every default (optional or not) says the list is meant: no warning.
    const all = validateConfig({ evidence: { sections: [...DEFAULT_SECTIONS.map((d) => ({ name: d.name, required: false })), { name: 'Extra' }] } }, FILE);
    expect((await lintEvidence(all, [])).findings).toEqual([]);
  });
});
