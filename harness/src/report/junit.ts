import type { UnitResult } from '../run-harness.js';
import { findingLocation } from '../../../core/src/format-findings.js';

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML for CI: one testcase per golden trace and per built-in scenario. */
export function junitXml(units: readonly UnitResult[], cwd: string): string {
  const suite = (name: string, list: readonly UnitResult[]) => {
    // Nothing observed is not a pass: an inconclusive scenario is a failure here too.
    const failures = list.filter((u) => u.status === 'failed' || u.status === 'inconclusive').length;
    const skipped = list.filter((u) => u.status === 'skipped').length;
    const time = list.reduce((t, u) => t + u.durationMs, 0) / 1000;
    const cases = list.map((u) => {
      const head = `    <testcase classname="cutover.${u.kind === 'trace' ? 'replay' : 'builtin'}" name="${esc(u.name)}" time="${(u.durationMs / 1000).toFixed(3)}"`;
      if (u.status === 'skipped') return `${head}>\n      <skipped message="${esc(u.reason ?? 'skipped')}"/>\n    </testcase>`;
      if (u.status === 'inconclusive') return `${head}>\n      <failure message="${esc(`inconclusive: ${u.reason ?? ''}`.slice(0, 500))}" type="scenario-inconclusive"/>\n    </testcase>`;
      const errors = u.findings.filter((f) => f.severity === 'error');
      if (!errors.length) return `${head}/>`;
      const body = u.findings.map((f) => `${findingLocation(f, cwd) ? `${findingLocation(f, cwd)}  ` : ''}${f.severity} ${f.message} [${f.id}]${f.hint ? `\n  → ${f.hint}` : ''}`).join('\n');
      return `${head}>\n      <failure message="${esc(`${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]!.message}`.slice(0, 500))}" type="${esc(errors[0]!.id)}">${esc(body)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${name}" tests="${list.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  };
  const traces = units.filter((u) => u.kind === 'trace');
  const builtins = units.filter((u) => u.kind === 'builtin');
  const total = units.length;
  const failures = units.filter((u) => u.status === 'failed' || u.status === 'inconclusive').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cutover replay" tests="${total}" failures="${failures}">`,
    suite('golden traces', traces),
    suite('built-in scenarios', builtins),
    '</testsuites>',
    '',
  ].join('\n');
}
