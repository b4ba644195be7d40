/** The markdown `cutover replay` adds to a GitHub Actions job summary: one row per trace and built-in scenario. */
import { mdTable } from '../../../core/src/step-summary.js';
import type { UnitResult } from '../run-harness.js';

const MARK = { passed: '✅ passed', failed: '❌ failed', inconclusive: '⚠️ inconclusive', skipped: '⏭ skipped' } as const;

export function replayMarkdown(units: readonly UnitResult[], summary: string, ok: boolean): string {
  const rows = units.map((u) => {
    const errors = u.findings.filter((f) => f.severity === 'error');
    const what = u.status === 'skipped' || u.status === 'inconclusive' ? (u.reason ?? '') : errors.length ? `${errors.length} difference(s): ${errors[0]!.message}` : '';
    return [u.kind === 'trace' ? 'trace' : 'built-in', `\`${u.name}\``, MARK[u.status], what];
  });
  return [`### cutover replay: ${ok ? '✅' : '❌'} ${summary}`, '', ...(rows.length ? [mdTable(['kind', 'name', 'result', 'first difference'], rows)] : ['Nothing ran.'])].join('\n');
}
