import { findingLocation } from '../../../core/src/format-findings.js';
import { junitXml as render, type JunitCase } from '../../../core/src/junit.js';
import type { UnitResult } from '../run-harness.js';

/** JUnit XML for CI: one testcase per golden trace and per built-in scenario. */
export function junitXml(units: readonly UnitResult[], cwd: string): string {
  const toCase = (u: UnitResult): JunitCase => {
    const c: JunitCase = { classname: `cutover.${u.kind === 'trace' ? 'replay' : 'builtin'}`, name: u.name, timeMs: u.durationMs };
    if (u.status === 'skipped') return { ...c, skipped: u.reason ?? 'skipped' };
    // Nothing observed is not a pass: an inconclusive scenario is a failure here too.
    if (u.status === 'inconclusive') return { ...c, failure: { message: `inconclusive: ${u.reason ?? ''}`, type: 'scenario-inconclusive' } };
    const errors = u.findings.filter((f) => f.severity === 'error');
    if (!errors.length) return c;
    const body = u.findings.map((f) => `${findingLocation(f, cwd) ? `${findingLocation(f, cwd)}  ` : ''}${f.severity} ${f.message} [${f.id}]${f.hint ? `\n  → ${f.hint}` : ''}`).join('\n');
    return { ...c, failure: { message: `${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]!.message}`, type: errors[0]!.id, body } };
  };
  return render('cutover replay', [
    { name: 'golden traces', cases: units.filter((u) => u.kind === 'trace').map(toCase) },
    { name: 'built-in scenarios', cases: units.filter((u) => u.kind === 'builtin').map(toCase) },
  ]);
}
