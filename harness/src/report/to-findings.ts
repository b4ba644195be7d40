import type { TransportError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { SeqProblem } from '../checks/seq.js';
import type { Difference } from '../compare/compare.js';
import { findingIds, type HarnessFindingId } from '../finding-ids.js';

export function short(v: unknown, max = 80): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function finding(id: HarnessFindingId, message: string, extra: Omit<Finding, 'id' | 'severity' | 'message'> = {}): Finding {
  return { id, severity: findingIds[id].severity, message, ...extra };
}

/** What a difference says, in words a person would use; values shown short and redacted first. */
export function describeDifference(d: Difference, shown: (v: unknown) => string): string {
  if (d.more !== undefined) return `${d.subject}: ${d.more} more difference${d.more === 1 ? '' : 's'}${d.scope ? ' in this message' : ''}, not shown`;
  const at = d.path ? ` at ${d.path}` : '';
  let what: string;
  switch (d.kind) {
    case 'changed-value':
    case 'changed-type':
      what = `${d.kind === 'changed-value' ? 'changed value' : 'changed type'}${at}: expected ${shown(d.expected)}, got ${shown(d.actual)}`;
      break;
    case 'missing':
      what = d.path ? `missing${at} (was ${shown(d.expected)})` : `missing${d.after ? ` ${d.after}` : ''}`;
      break;
    case 'extra':
      what = d.path ? `extra${at} (now ${shown(d.actual)})` : `extra${d.after ? `, ${d.after}` : ''}`;
      break;
    case 'renamed':
      what = `field ${d.path} renamed to ${d.renamedTo}`;
      break;
    case 'refused':
      return `${d.subject}: every request (${d.count}) was refused with ${shown(d.actual)}`;
    case 'reordered':
      what = `reordered${d.after ? `: ${d.after}` : ''}`;
      break;
    default:
      what = d.kind;
  }
  const others = (d.count ?? 1) - 1;
  const also = others > 0 ? ` (and ${others} more like it: ${d.also!.join('; ')}${others > d.also!.length ? '; …' : ''})` : '';
  // The first notes in words; the rest are in the finding's data.
  const notes = d.notes?.length ? `; ${d.notes.slice(0, 2).join('; ')}${d.notes.length > 2 ? `; and ${d.notes.length - 2} more note(s)` : ''}` : '';
  return `${d.subject}: ${what}${also}${notes}`;
}

/** One finding per difference (alike ones are already one), located at the golden trace's line. */
export function differenceFindings(diffs: readonly Difference[], file: string | undefined, redactor: Redactor): Finding[] {
  // Redacted before it is cut short: a secret cut in half is no longer recognisable.
  const shown = (v: unknown) => short(redactor.value(v));
  return diffs.map((d) =>
    redactor.value(
      finding(`replay-${d.kind}`, describeDifference(d, shown), {
        ...(file ? { file } : {}),
        ...(d.line === undefined ? {} : { line: d.line }),
        ...(d.hint ? { hint: d.hint } : {}),
        data: {
          kind: d.kind,
          subject: d.subject,
          ...(d.path ? { path: d.path } : {}),
          ...(d.renamedTo ? { renamedTo: d.renamedTo } : {}),
          ...(d.expected !== undefined ? { expected: d.expected } : {}),
          ...(d.actual !== undefined ? { actual: d.actual } : {}),
          ...(d.count !== undefined ? { count: d.count } : {}),
          ...(d.more !== undefined ? { more: d.more } : {}),
          ...(d.notes ? { notes: d.notes } : {}),
          ...(d.diff ? { diff: d.diff } : {}),
        },
      }),
    ),
  );
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

/** For the matrix and runHarness: a target failure is a finding there, so the other checks still run. */
export function targetFailedFinding(e: TransportError, subject: string, file?: string): Finding {
  return finding('target-failed', `${subject}: ${e.message}`, {
    ...(file ? { file } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.stderrTail ? { data: { stderrTail: e.stderrTail } } : {}),
  });
}
