import type { TransportError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { ContractViolation } from '../checks/contract.js';
import type { SeqProblem } from '../checks/seq.js';
import type { Difference } from '../compare/compare.js';
import { findingIds, type HarnessFindingId } from '../finding-ids.js';

const KIND_TEXT: Record<Difference['kind'], string> = {
  missing: 'missing',
  extra: 'extra',
  'changed-value': 'changed value',
  'changed-type': 'changed type',
  reordered: 'reordered',
  duplicated: 'duplicated',
};

export function short(v: unknown, max = 80): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function finding(id: HarnessFindingId, message: string, extra: Omit<Finding, 'id' | 'severity' | 'message'> = {}): Finding {
  return { id, severity: findingIds[id].severity, message, ...extra };
}

/** One finding per difference, located at the golden trace's line, values shown short and redacted. */
export function differenceFindings(diffs: readonly Difference[], file: string | undefined, redactor: Redactor): Finding[] {
  // Redacted before it is cut short: a secret cut in half is no longer recognisable.
  const shown = (v: unknown) => short(redactor.value(v));
  return diffs.map((d) => {
    const values =
      d.kind === 'changed-value' || d.kind === 'changed-type'
        ? `: expected ${shown(d.expected)}, got ${shown(d.actual)}`
        : d.path && d.kind === 'missing'
          ? ` (was ${shown(d.expected)})`
          : d.path && d.kind === 'extra'
            ? ` (now ${shown(d.actual)})`
            : '';
    const message = `${d.subject}: ${KIND_TEXT[d.kind]}${d.path ? ` at ${d.path}` : ''}${values}`;
    return redactor.value(
      finding(`replay-${d.kind}`, message, {
        ...(file ? { file } : {}),
        ...(d.line === undefined ? {} : { line: d.line }),
        ...(d.hint ? { hint: d.hint } : {}),
        data: {
          kind: d.kind,
          subject: d.subject,
          ...(d.path ? { path: d.path } : {}),
          ...(d.expected !== undefined ? { expected: d.expected } : {}),
          ...(d.actual !== undefined ? { actual: d.actual } : {}),
          ...(d.diff ? { diff: d.diff } : {}),
        },
      }),
    );
  });
}

export function seqFindings(problems: readonly SeqProblem[], file: string | undefined, subject: string): Finding[] {
  return problems.map((p) =>
    finding(p.kind, `${subject}: ${p.message}`, {
      ...(file ? { file } : {}),
      hint: p.kind === 'seq-gap' ? 'An event was lost between the daemon and this client.' : 'An event was delivered twice or out of order.',
      data: { conn: p.conn },
    }),
  );
}

export function contractFindings(violations: readonly ContractViolation[], file: string | undefined, lineOf: (at: number) => number | undefined, side: string): Finding[] {
  return violations.map((v) => {
    const line = lineOf(v.at);
    return finding('contract-violation', `${v.what} breaks the manifest schema (${side}): ${v.problems[0] ?? 'invalid'}`, {
      ...(file ? { file } : {}),
      ...(line === undefined ? {} : { line }),
      hint: v.problems.length > 1 ? `Also: ${v.problems.slice(1, 4).join('; ')}` : 'Fix the payload, or the source the manifest was extracted from.',
      data: { what: v.what, problems: v.problems },
    });
  });
}

/** For the matrix and runHarness: a target failure is a finding there, so the other checks still run. */
export function targetFailedFinding(e: TransportError, subject: string, file?: string): Finding {
  return finding('target-failed', `${subject}: ${e.message}`, {
    ...(file ? { file } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.stderrTail ? { data: { stderrTail: e.stderrTail } } : {}),
  });
}
