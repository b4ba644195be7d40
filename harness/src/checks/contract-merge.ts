import type { Finding } from '../../../core/src/findings.js';
import type { Difference } from '../compare/compare.js';
import { finding } from '../report/to-findings.js';
import type { ContractViolation } from './contract.js';

/** One way a payload breaks the manifest, wherever it happened: on the golden side, the new path, or both. */
export interface ContractIssue {
  what: string;
  problems: string[];
  /** Where it happened in the golden trace (line indexes) and in the run (line indexes). */
  golden: number[];
  actual: number[];
}

/** The violations of both sides, each kind once (what, problems), with where it happened on each side. */
export function mergeViolations(golden: readonly ContractViolation[], actual: readonly ContractViolation[]): ContractIssue[] {
  const issues = new Map<string, ContractIssue>();
  const add = (v: ContractViolation, side: 'golden' | 'actual') => {
    const key = `${v.what}\u0000${v.problems.join('\u0000')}`;
    let i = issues.get(key);
    if (!i) issues.set(key, (i = { what: v.what, problems: v.problems, golden: [], actual: [] }));
    i[side].push(v.at);
  };
  for (const v of golden) add(v, 'golden');
  for (const v of actual) add(v, 'actual');
  return [...issues.values()];
}

/**
 * A problem only the new path has, in a message a replay difference is about (a field renamed
 * breaks the manifest where the field is required), is part of that difference: it is noted
 * there, not reported again. What is left is returned.
 */
export function foldIntoDifferences(issues: readonly ContractIssue[], diffs: readonly Difference[]): ContractIssue[] {
  const byAt = new Map<number, Difference>();
  for (const d of diffs) for (const at of d.ats ?? (d.at === undefined ? [] : [d.at])) if (!byAt.has(at)) byAt.set(at, d);
  return issues.filter((i) => {
    if (i.golden.length) return true;
    const d = i.actual.map((at) => byAt.get(at)).find((x) => x !== undefined);
    if (!d) return true;
    const note = `the new path also breaks the manifest there: ${i.what}: ${i.problems[0] ?? 'invalid'}`;
    (d.notes ??= []).push(note);
    return false;
  });
}

/** One finding per issue, saying which side breaks it and in how many messages. */
export function issueFindings(
  issues: readonly ContractIssue[],
  file: string | undefined,
  goldenLine: (at: number) => number | undefined,
  actualLine: (at: number) => number | undefined,
  names = { golden: 'golden trace', actual: 'new path', both: 'both paths' },
  max = 50,
): Finding[] {
  const shown = issues.slice(0, max).map((i) => {
    const side = i.golden.length && i.actual.length ? names.both : i.golden.length ? names.golden : names.actual;
    const line = i.golden.length ? goldenLine(i.golden[0]!) : actualLine(i.actual[0]!);
    const n = Math.max(i.golden.length, i.actual.length);
    return finding('contract-violation', `${i.what} breaks the manifest schema (${side}): ${i.problems[0] ?? 'invalid'}${n > 1 ? ` (in ${n} messages)` : ''}`, {
      ...(file ? { file } : {}),
      ...(line === undefined ? {} : { line }),
      hint: i.problems.length > 1 ? `Also: ${i.problems.slice(1, 4).join('; ')}` : 'Fix the payload, or the source the manifest was extracted from.',
      data: { what: i.what, problems: i.problems, side },
    });
  });
  if (issues.length > max) shown.push(finding('contract-violation', `${issues.length - max} more ways payloads break the manifest schema, not shown`, { ...(file ? { file } : {}), hint: 'Fix the ones above first: the rest often follows from them.' }));
  return shown;
}
