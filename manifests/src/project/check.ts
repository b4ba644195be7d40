/** `cutover check`: every rule over the facts, plus extraction's own findings, with the config's severities and ignores. */
import type { Finding } from '../../../core/src/findings.js';
import { sortFindings } from '../../../core/src/findings.js';
import { globSync } from 'tinyglobby';
import type { IgnoreEntry, ManifestOptions } from '../options.js';
import { RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import type { Analysis } from './analyze.js';

export function runChecks(a: Analysis, rules: readonly Rule[] = RULES): Finding[] {
  const found = [...a.findings, ...rules.flatMap((r) => r.check({ facts: a.facts }))];
  return sortFindings(applyConfig(found, a.options));
}

/** `check.rules` severities (or off) and `check.ignore` entries, matched by id and name, or by file (and id). */
export function applyConfig(findings: readonly Finding[], options: ManifestOptions): Finding[] {
  const out: Finding[] = [];
  const inFile = ignoredFiles(options);
  for (const f of findings) {
    const level = options.rules[f.id];
    if (level === 'off') continue;
    const name = subjectOf(f);
    if (name !== undefined && options.ignore.some((i) => i.file === undefined && i.id === f.id && i.name === name)) continue;
    if (f.file !== undefined && inFile(f.file, f.id)) continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}

/** Whether a finding at `file` (relative to root) with `id` falls under a `{ file, id? }` entry. */
function ignoredFiles(options: ManifestOptions): (file: string, id: string) => boolean {
  const entries = options.ignore.filter((i): i is IgnoreEntry & { file: string } => i.file !== undefined);
  if (entries.length === 0) return () => false;
  const matchers = entries.map((i) => ({ id: i.id, files: new Set(globSync(i.file, { cwd: options.root, onlyFiles: true, dot: true, expandDirectories: false })) }));
  return (file, id) => matchers.some((m) => (m.id === undefined || m.id === id) && m.files.has(file));
}

/** The command or event a finding is about, as `check.ignore` names it. */
export function subjectOf(f: Finding): string | undefined {
  for (const key of ['name', 'command', 'event']) {
    const v = f.data?.[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}
