import type { TransportError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { SeqProblem } from '../checks/seq.js';
import type { Difference } from '../compare/compare.js';
import { findingIds, type HarnessFindingId } from '../finding-ids.js';
import { boundDiff } from './bound-diff.js';
import { chars, cut, firstDifference, textWindows } from './text-window.js';

/** Characters of a value quoted in a message before it is cut. */
export const CLIP = 80;
/** Characters of a text kept in a finding's data (the --json report) before it is cut. */
export const DATA_MAX = 1000;

export function short(v: unknown, max = CLIP): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > max ? `${cut(s, max - 1)}…` : s;
}

/** A changed text too long to quote whole: where it differs, both sides shown around that place. */
export interface LongText {
  expected: string;
  actual: string;
  /** Characters (code points) before the first difference. */
  offset: number;
  expectedLength: number;
  actualLength: number;
}

/**
 * Two texts of a changed value, redacted whole, then (when either is too long to quote) the
 * window around their first difference: the start of a 3 MB text says nothing of its end.
 */
export function longText(d: Difference, redact: (v: unknown) => unknown): LongText | undefined {
  if (d.kind !== 'changed-value' || typeof d.expected !== 'string' || typeof d.actual !== 'string') return undefined;
  const e = redact(d.expected) as string;
  const a = redact(d.actual) as string;
  const je = JSON.stringify(e);
  const ja = JSON.stringify(a);
  if (je.length <= CLIP && ja.length <= CLIP) return undefined;
  const w = textWindows(je, ja);
  // Equal once redacted: they differ inside a secret, and the start is all there is to show.
  if (!w) return undefined;
  return { expected: w.expected, actual: w.actual, offset: chars(e, 0, firstDifference(e, a)), expectedLength: chars(e), actualLength: chars(a) };
}

/** A value for a finding's data, redacted whole, then a text longer than DATA_MAX cut. */
function dataValue(v: unknown, redact: (v: unknown) => unknown): unknown {
  const r = redact(v);
  if (typeof r !== 'string' || r.length <= DATA_MAX) return r;
  const kept = cut(r, DATA_MAX);
  return `${kept}… (${chars(r, kept.length)} more characters)`;
}

export function finding(id: HarnessFindingId, message: string, extra: Omit<Finding, 'id' | 'severity' | 'message'> = {}): Finding {
  return { id, severity: findingIds[id].severity, message, ...extra };
}

/** What a difference says, in words a person would use; values shown short and redacted first. */
export function describeDifference(d: Difference, shown: (v: unknown) => string, long?: LongText): string {
  if (d.more !== undefined) return `${d.subject}: ${d.more} more difference${d.more === 1 ? '' : 's'}${d.scope ? ' in this message' : ''}, not shown`;
  const at = d.path ? ` at ${d.path}` : '';
  let what: string;
  switch (d.kind) {
    case 'changed-value':
    case 'changed-type':
      what = long
        ? `changed value${at}: expected ${long.expected}, got ${long.actual} (first difference at offset ${long.offset} of ${long.expectedLength}${long.actualLength === long.expectedLength ? '' : ` and ${long.actualLength}`} characters)`
        : `${d.kind === 'changed-value' ? 'changed value' : 'changed type'}${at}: expected ${shown(d.expected)}, got ${shown(d.actual)}`;
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
  const redact = (v: unknown) => redactor.value(v);
  const shown = (v: unknown) => short(redact(v));
  return diffs.map((d) => {
    const long = longText(d, redact);
    // In the data too: a long changed text as its window, any other long text cut; the diff bounded.
    const value = (v: unknown, w: string | undefined) => (w !== undefined && (v as string).length > DATA_MAX ? w : dataValue(v, redact));
    return redactor.value(
      finding(`replay-${d.kind}`, describeDifference(d, shown, long), {
        ...(file ? { file } : {}),
        ...(d.line === undefined ? {} : { line: d.line }),
        ...(d.hint ? { hint: d.hint } : {}),
        data: {
          kind: d.kind,
          subject: d.subject,
          ...(d.path ? { path: d.path } : {}),
          ...(d.renamedTo ? { renamedTo: d.renamedTo } : {}),
          ...(d.expected !== undefined ? { expected: value(d.expected, long?.expected) } : {}),
          ...(d.actual !== undefined ? { actual: value(d.actual, long?.actual) } : {}),
          ...(long ? { offset: long.offset, expectedLength: long.expectedLength, actualLength: long.actualLength } : {}),
          ...(d.count !== undefined ? { count: d.count } : {}),
          ...(d.more !== undefined ? { more: d.more } : {}),
          ...(d.notes ? { notes: d.notes } : {}),
          ...(d.diff ? { diff: boundDiff(redactor.value(d.diff)) } : {}),
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

/** For the matrix and runHarness: a target failure is a finding there, so the other checks still run. */
export function targetFailedFinding(e: TransportError, subject: string, file?: string): Finding {
  return finding('target-failed', `${subject}: ${e.message}`, {
    ...(file ? { file } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.stderrTail ? { data: { stderrTail: e.stderrTail } } : {}),
  });
}
