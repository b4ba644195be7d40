import { groupReasons } from '../group.js';
import type { GateResult } from '../run-gate.js';
import { countRows } from './text.js';

/** Text inside a markdown table cell or list item: no markup, no raw HTML, no line breaks. */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}

function mdTable(rows: string[][]): string[] {
  const [head, ...body] = rows;
  return [`| ${head!.map(mdText).join(' | ')} |`, `|${head!.map((_c, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...body.map((r) => `| ${r.map(mdText).join(' | ')} |`)];
}

/** A markdown summary for a CI job summary: verdict, top reasons with fixes, rules, matrix and counts. */
export function gateMarkdown(result: GateResult, opts: { top: number }): string {
  const lines: string[] = [];
  const n = result.reasons.length;
  lines.push(`## cutover gate${result.name ? ` (${mdText(result.name)})` : ''}: ${result.verdict === 'PASS' ? '✅ PASS' : `❌ BLOCK, ${n} blocking reason${n === 1 ? '' : 's'}`}`, '');
  // The scope on its own line, never left out: a PASS for one OS is not a release PASS.
  lines.push(`**${mdText(result.headline)}**`, '');
  if (n) {
    const groups = groupReasons(result.reasons);
    groups.slice(0, opts.top).forEach((g, i) => {
      const r = g.reasons[0]!;
      const single = g.reasons.length === 1;
      const loc = single && r.file ? ` \`${(r.line ? `${r.file}:${r.line}` : r.file).replace(/`/g, "'")}\`` : '';
      const hint = g.hint ?? (single ? r.hint : undefined);
      lines.push(`${i + 1}. **${mdText(g.category)}**${loc} ${mdText(g.title)}${single ? '' : ` (\`${g.id}\` ×${g.reasons.length})`}${hint ? ` — _${mdText(hint)}_` : ''}`);
    });
    if (groups.length > opts.top) lines.push('', `… and ${groups.length - opts.top} more: run \`cutover gate --explain\`.`);
    lines.push('');
  }
  lines.push(...mdTable([['rule', 'status', 'note'], ...result.rules.map((r) => [r.id, r.status, r.note ?? ''])]), '');
  if (result.matrix) {
    const m = result.matrix;
    const cols = m.os.flatMap((o) => m.modes.map((mode) => `${o}/${mode}`));
    const mark: Record<string, string> = { passed: '✅', failed: '❌', error: '⚠️', not_applicable: 'n/a', missing: '⏳', out_of_scope: '·', optional: '○' };
    lines.push('### Matrix', '');
    if (m.stale.length) lines.push(`⚠️ **Stale report**: these results are from another version of what the checks read. ${mdText(m.stale.join(' · '))}`, '');
    lines.push(`| row | ${cols.map(mdText).join(' | ')} |`, `| --- |${cols.map(() => ' :-: |').join('')}`);
    for (const row of m.rows) lines.push(`| ${mdText(row.id)} | ${row.cells.map((c) => mark[c.status]).join(' | ')} |`);
    lines.push('', '✅ passed · ❌ failed · ⚠️ could not run · ⏳ missing · n/a not applicable · · outside scope · ○ not required', '');
  }
  if (result.counts.total.total) {
    lines.push('### Tasks by phase', '', ...mdTable(countRows('phase', result.counts.byPhase)), '');
    lines.push('### Tasks by owner', '', ...mdTable(countRows('owner', result.counts.byOwner)), '');
  }
  return `${lines.join('\n')}\n`;
}
