/** `cutover check`: every rule over the facts, plus extraction's own findings, with the config's severities and ignores. */
import type { Finding } from '../../../core/src/findings.js';
import { sortFindings } from '../../../core/src/findings.js';
import type { ManifestOptions } from '../options.js';
import { RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import type { Analysis } from './analyze.js';

export function runChecks(a: Analysis, rules: readonly Rule[] = RULES): Finding[] {
  const found = [...a.findings, ...rules.flatMap((r) => r.check({ facts: a.facts }))];
  return sortFindings(applyConfig(found, a.options));
}

/** `check.rules` severities (or off) and `check.ignore` entries, each matched by id and name. */
export function applyConfig(findings: readonly Finding[], options: ManifestOptions): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = options.rules[f.id];
    if (level === 'off') continue;
    const name = subjectOf(f);
    if (name !== undefined && options.ignore.some((i) => i.id === f.id && i.name === name)) continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}

/** The command or event a finding is about, as `check.ignore` names it. */
export function subjectOf(f: Finding): string | undefined {
  for (const key of ['name', 'command', 'event']) {
    const v = f.data?.[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}
