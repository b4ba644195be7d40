import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/src/findings.js';
import { findingIds } from '../../manifests/src/finding-ids.js';
import { toSarif } from '../../manifests/src/report/sarif.js';
import { FIXTURES } from './ts-fixture.js';

const DIR = path.join(FIXTURES, 'sarif');
const BASE = '/work/app';

function sarif(): Record<string, unknown> {
  const findings = JSON.parse(fs.readFileSync(path.join(DIR, 'findings.json'), 'utf8')) as Finding[];
  const out = toSarif(findings, { baseDir: BASE, version: '0.0.0-test', definitions: Object.values(findingIds) });
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync(path.join(DIR, 'expected.sarif.json'), `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

type Run = { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[]; originalUriBaseIds: Record<string, { uri: string }> };

describe('SARIF 2.1.0 output', () => {
  it('matches the expected document', () => {
    expect(sarif()).toEqual(JSON.parse(fs.readFileSync(path.join(DIR, 'expected.sarif.json'), 'utf8')));
  });

  it('has the required shape: version, one run, every rule, levels, relative URIs under %SRCROOT%, regions', () => {
    const doc = sarif() as { version: string; $schema: string; runs: Run[] };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs).toHaveLength(1);
    const run = doc.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(Object.keys(findingIds).sort());
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///work/app/');
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note']);
    const located = run.results[1] as { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] };
    expect(located.ruleId).toBe('missing-handler');
    expect(run.tool.driver.rules[located.ruleIndex]?.id).toBe('missing-handler');
    expect(located.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'src-tauri/src/commands/agent.rs', uriBaseId: '%SRCROOT%' }, region: { startLine: 23, startColumn: 5 } });
    expect(JSON.stringify(run.results[3])).toContain('src/a%20b.ts');
    expect(run.results[0]?.locations).toBeUndefined();
  });

  it('gives each result a fingerprint that does not move with line numbers', () => {
    const findings = JSON.parse(fs.readFileSync(path.join(DIR, 'findings.json'), 'utf8')) as Finding[];
    const moved = findings.map((f) => (f.line ? { ...f, line: f.line + 10 } : f));
    const fp = (fs: Finding[]) => (toSarif(fs, { baseDir: BASE, version: 'x', definitions: Object.values(findingIds) }).runs as Run[])[0]!.results.map((r) => r.partialFingerprints);
    expect(fp(moved)).toEqual(fp(findings));
  });

  it('every rule has help text, and its default configuration is what a run does without config (wide-integer is off)', () => {
    type Rule = { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: { level: string; enabled?: boolean } };
    const rules = (sarif() as { runs: { tool: { driver: { rules: Rule[] } } }[] }).runs[0]!.tool.driver.rules;
    for (const r of rules) {
      expect(r.help.text.length, r.id).toBeGreaterThan(0);
      expect(r.help.markdown).toContain(r.id);
      expect(r.fullDescription.text).toBe(r.help.text);
    }
    // The check rules explain what to do, beyond the one-line description.
    for (const id of ['unregistered-invoke', 'missing-handler', 'event-not-emitted', 'invoke-key-mismatch', 'unresolved-name']) {
      const r = rules.find((x) => x.id === id)!;
      expect(r.help.text.length, id).toBeGreaterThan(r.shortDescription.text.length);
    }
    expect(rules.find((r) => r.id === 'wide-integer')!.defaultConfiguration).toEqual({ enabled: false, level: 'warning' });
    expect(rules.find((r) => r.id === 'unregistered-invoke')!.defaultConfiguration).toEqual({ level: 'error' });
  });

  it('with a baseline, baselined results are unchanged and the others new', () => {
    const findings = JSON.parse(fs.readFileSync(path.join(DIR, 'findings.json'), 'utf8')) as Finding[];
    const out = toSarif(findings.slice(1), { baseDir: BASE, version: 'x', definitions: Object.values(findingIds), baselined: findings.slice(0, 1) }) as { runs: Run[] };
    const states = out.runs[0]!.results.map((r) => r.baselineState);
    expect(states.filter((s) => s === 'unchanged')).toHaveLength(1);
    expect(states.filter((s) => s === 'new')).toHaveLength(findings.length - 1);
    expect((sarif() as { runs: Run[] }).runs[0]!.results.every((r) => r.baselineState === undefined)).toBe(true);
  });
});
