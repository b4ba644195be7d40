import type { Output } from '../../../../core/src/output.js';
import type { StatusCounts } from '../counts.js';
import { groupReasons } from '../group.js';
import type { GateResult } from '../run-gate.js';
import type { Reason } from '../types.js';

function location(r: Reason): string {
  return r.file ? (r.line ? `${r.file}:${r.line}` : r.file) : '';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_c, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
}

export function countRows(title: string, rows: Array<{ name: string } & StatusCounts>): string[][] {
  return [[title, 'done', 'not started', 'in progress', 'in review', 'blocked', 'total'], ...rows.map((r) => [r.name, String(r.done), String(r.not_started), String(r.in_progress), String(r.in_review), String(r.blocked), String(r.total)])];
}

const EXAMPLES = 3;

/** The verdict a person reads in a terminal: the scope, blocking reasons grouped and ranked (top N groups unless --explain), rules, counts. */
export function printGate(out: Output, result: GateResult, opts: { explain: boolean; top: number; dashboard?: string; summary?: string }): void {
  const s = out.style;
  const n = result.reasons.length;
  const head = result.verdict === 'PASS' ? s.green(s.bold('PASS')) : s.red(s.bold('BLOCK'));
  out.print(`${s.bold('cutover gate')}${result.name ? ` (${result.name})` : ''}: ${head}${result.headline.slice(result.verdict.length)}${n ? ` — ${n} blocking reason${n === 1 ? '' : 's'}` : ''}`);
  const groups = groupReasons(result.reasons);
  if (n) {
    out.print('');
    const shown = opts.explain ? groups : groups.slice(0, opts.top);
    shown.forEach((g, i) => {
      const single = g.reasons.length === 1;
      const r = g.reasons[0]!;
      const loc = single ? location(r) : '';
      const tag = single ? `[${r.id}]` : `[${g.id} ×${g.reasons.length}]`;
      out.print(`${String(i + 1).padStart(3)}. ${s.red('✗')} ${loc ? `${loc}  ` : ''}${g.title} ${s.dim(tag)}`);
      if (!single) {
        const examples = opts.explain ? g.reasons : g.reasons.slice(0, EXAMPLES);
        for (const e of examples) out.print(`       ${location(e) ? `${location(e)}  ` : ''}${e.message}`);
        if (examples.length < g.reasons.length) out.print(s.dim(`       … and ${g.reasons.length - examples.length} more`));
      }
      const hint = g.hint ?? (single ? r.hint : undefined);
      if (hint) out.print(`       ${s.dim(`→ ${hint}`)}`);
      if (out.debug && single && typeof r.data?.stack === 'string') out.print(s.dim(r.data.stack.replace(/^/gm, '       ')));
    });
    if (shown.length < groups.length) {
      const rest = groups.slice(shown.length).flatMap((g) => g.reasons);
      const byCat = new Map<string, number>();
      for (const r of rest) byCat.set(r.category, (byCat.get(r.category) ?? 0) + 1);
      out.print(`     … and ${groups.length - shown.length} more (${[...byCat].map(([c, k]) => `${c} ${k}`).join(', ')}); \`cutover gate --explain\` lists all`);
    }
  }
  if (result.warnings.length) {
    out.print('');
    out.print(`${s.yellow(`${result.warnings.length} warning(s)`)} (not blocking)${opts.explain ? ':' : `: ${groupReasons(result.warnings).map((g) => `${g.id} ×${g.reasons.length}`).join(', ')}; --explain lists them`}`);
    if (opts.explain) for (const w of result.warnings) out.print(`     ${s.yellow('!')} ${location(w) ? `${location(w)}  ` : ''}${w.message} ${s.dim(`[${w.id}]`)}`);
  }
  out.print('');
  out.print(s.bold('Rules:'));
  const width = Math.max(...result.rules.map((r) => r.id.length));
  for (const r of result.rules) {
    const mark = r.status === 'ok' ? s.green('✓') : r.status === 'skipped' ? s.dim('–') : s.red('✗');
    const note = r.status === 'skipped' ? `skipped: ${r.note ?? ''}` : r.status === 'error' ? `could not be evaluated: ${r.note ?? ''}` : (r.note ?? '');
    const blocking = r.status === 'blocked' ? `${r.blocking} blocking` : '';
    out.print(`  ${mark} ${r.id.padEnd(width)}  ${[blocking, note].filter(Boolean).join('; ')}`);
  }
  if (result.counts.total.total) {
    out.print('');
    out.print(s.bold('Tasks by phase:'));
    for (const l of table(countRows('phase', result.counts.byPhase))) out.print(`  ${l}`);
    out.print('');
    out.print(s.bold('Tasks by owner:'));
    for (const l of table(countRows('owner', result.counts.byOwner))) out.print(`  ${l}`);
  }
  if (opts.dashboard || opts.summary) out.print('');
  if (opts.dashboard) out.print(`dashboard: ${opts.dashboard}`);
  if (opts.summary) out.print(`summary: ${opts.summary}`);
}
