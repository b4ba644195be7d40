/** What `cutover matrix run` writes for CI besides the report: the job summary's markdown and JUnit XML. */
import { junitXml, type JunitCase } from '../../../core/src/junit.js';
import { capped, mdTable } from '../../../core/src/step-summary.js';
import type { CellResult } from '../report/types.js';

const MARK: Record<string, string> = { passed: '✅ passed', failed: '❌ failed', error: '⚠️ could not run', inconclusive: '⚠️ inconclusive', not_applicable: 'n/a', skipped: 'skipped' };
const secs = (ms: number | undefined) => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`);

/** The cells this run ran, failures first; the rest of the matrix counted in one line. */
export function matrixMarkdown(ran: readonly CellResult[], all: readonly CellResult[], where: string): string {
  const bad = ran.filter((c) => c.status !== 'passed');
  const blocking = bad.filter((c) => c.required).length;
  const head = `### cutover matrix run (${where}): ${blocking ? '❌' : '✅'} ${ran.length - bad.length} of ${ran.length} cell(s) passed`;
  const order = [...bad, ...ran.filter((c) => c.status === 'passed')];
  const rows = capped(
    order.map((c) => mdTable(['row', 'cell', 'result', 'time', 'message'], [[`\`${c.row}\``, `${c.os}/${c.mode}`, `${MARK[c.status]}${c.required ? '' : ' (optional)'}`, secs(c.durationMs), c.message]]).split('\n')[2]!),
    60,
    (n) => `| … | | | | ${n} more cell(s) in the report |`,
  );
  const na = all.filter((c) => c.status === 'not_applicable').length;
  const elsewhere = all.filter((c) => c.status === 'skipped').length;
  return [head, '', ...(ran.length ? ['| row | cell | result | time | message |', '| --- | --- | --- | --- | --- |', ...rows] : ['No cell ran here.']), '', `${na} cell(s) not applicable, ${elsewhere} for other machines, shards or filters.`].join('\n');
}

/** One testcase per cell this run ran, and the not-applicable cells of this OS as skipped. */
export function matrixJunit(ran: readonly CellResult[], all: readonly CellResult[], os: string): string {
  const cases: JunitCase[] = [];
  for (const c of all) {
    const mine = ran.includes(c);
    if (!mine && !(c.status === 'not_applicable' && c.os === os)) continue;
    const base: JunitCase = { classname: `cutover.matrix.${c.area}`, name: `${c.row} ${c.os}/${c.mode}`, ...(c.durationMs !== undefined ? { timeMs: c.durationMs } : {}) };
    const body = (c.runs ?? []).map((r) => `$ ${r.command}\nexit ${r.exitCode ?? 'none'}, ${r.passed ? 'passed' : 'failed'}\n${r.output.slice(-4000)}`).join('\n\n') || c.message;
    if (c.status === 'not_applicable') cases.push({ ...base, skipped: c.message });
    // Nothing observed is not a pass: an inconclusive cell is a failure here too.
    else if (c.status === 'failed' || c.status === 'inconclusive') cases.push({ ...base, failure: { message: c.message, type: c.kind, body } });
    else if (c.status === 'error') cases.push({ ...base, error: { message: c.message, type: c.kind, body } });
    else cases.push(base);
  }
  return junitXml('cutover matrix', [{ name: `cutover matrix (${os})`, cases }]);
}
