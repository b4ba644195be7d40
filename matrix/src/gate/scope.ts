import type { OsName } from '../matrix-file/types.js';
import type { GateContext, RuleReport } from './types.js';
import { ran, type MatrixView } from './views.js';

/**
 * What a verdict covered, so a PASS on one OS never reads like a release PASS: the operating
 * systems it judged and those it did not, the sections the config opted out of (with the reason),
 * and the rules that were skipped.
 */
export interface GateScope {
  /** Absent when there is no matrix to judge. */
  os?: { judged: OsName[]; declared: OsName[]; notJudged: Array<{ os: OsName; ran: boolean }> };
  notRequired: Array<{ section: 'matrix' | 'contract'; reason: string }>;
  skipped: Array<{ rule: string; note: string }>;
}

export function gateScope(ctx: GateContext, rules: readonly RuleReport[], matrix: MatrixView | undefined): GateScope {
  const req = ctx.settings.require;
  const notRequired = (['matrix', 'contract'] as const).filter((s) => !req[s]).map((section) => ({ section, reason: req.reason ?? '(no reason given)' }));
  const skipped = rules.filter((r) => r.status === 'skipped' && !r.note?.startsWith('not required:')).map((r) => ({ rule: r.id, note: r.note ?? '' }));
  if (!matrix) return { notRequired, skipped };
  const ranOn = new Set(matrix.rows.flatMap((r) => r.cells.filter((c) => ran(c.status)).map((c) => c.os)));
  const judged = matrix.os.filter((o) => matrix.scope.includes(o));
  const notJudged = matrix.os.filter((o) => !matrix.scope.includes(o)).map((os) => ({ os, ran: ranOn.has(os) }));
  return { os: { judged, declared: matrix.os, notJudged }, notRequired, skipped };
}

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** "PASS for linux only — macos, windows not run; contract not required (…)". */
export function headline(verdict: 'PASS' | 'BLOCK', scope: GateScope): string {
  let s: string = verdict;
  if (scope.os) {
    const { judged, notJudged } = scope.os;
    if (notJudged.length === 0) s += ` for ${list(judged)}`;
    else {
      const notRun = notJudged.filter((n) => !n.ran).map((n) => n.os);
      const outside = notJudged.filter((n) => n.ran).map((n) => n.os);
      const why = [notRun.length ? `${notRun.join(', ')} not run` : '', outside.length ? `${outside.join(', ')} not judged (outside --os)` : ''].filter(Boolean).join(', ');
      s += ` for ${judged.length ? list(judged) : 'no operating system'} only — ${why}`;
    }
  }
  if (scope.notRequired.length) s += `; ${scope.notRequired.map((n) => n.section).join(' and ')} not required: ${scope.notRequired[0]!.reason}`;
  if (scope.skipped.length) s += `; skipped: ${scope.skipped.map((k) => `${k.rule} (${k.note})`).join(', ')}`;
  return s;
}
