/**
 * Human output of `cutover check`: a summary by rule and severity first (what a reviewer needs
 * to decide), then the findings grouped by rule, each group in file order.
 */
import type { Finding, Severity } from '../../../core/src/findings.js';
import { countBySeverity, sortFindings } from '../../../core/src/findings.js';
import { findingLocation } from '../../../core/src/format-findings.js';
import type { Output } from '../../../core/src/output.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CheckPrintOptions {
  /** Errors only (the summary still counts what was left out). */
  quiet?: boolean;
  /** `--max-warnings N`: shown in the summary when the warnings exceed it. */
  maxWarnings?: number;
  /** The baseline in use: how many findings it accepted in this run, and how many of its entries are gone. */
  baseline?: { file: string; baselined: number; fixed: number };
}

function baselineLines(out: Output, b: CheckPrintOptions['baseline']): string[] {
  if (!b) return [];
  const lines = [out.style.dim(`  ${b.baselined} baselined finding(s) remain, accepted in ${b.file} and not listed`)];
  if (b.fixed) lines.push(out.style.green(`  ${b.fixed} baselined finding(s) fixed since the baseline: \`cutover check --update-baseline\` drops them from ${b.file}`));
  return lines;
}

interface Group {
  id: string;
  severity: Severity;
  findings: Finding[];
}

/** Findings by rule and severity, errors first, then by count. */
export function groupByRule(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.severity}\0${f.id}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { id: f.id, severity: f.severity, findings: [] }));
    g.findings.push(f);
  }
  return [...groups.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.findings.length - a.findings.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function printCheck(out: Output, findings: readonly Finding[], cwd: string, opts: CheckPrintOptions = {}): void {
  const { style } = out;
  const sev = (s: Severity) => (s === 'error' ? style.red('error') : s === 'warning' ? style.yellow('warning') : style.dim('info'));
  const c = countBySeverity(findings);
  if (findings.length === 0) {
    out.print(style.green(opts.baseline ? 'cutover check: no new findings' : 'cutover check: no findings'));
    for (const l of baselineLines(out, opts.baseline)) out.print(l);
    return;
  }
  const groups = groupByRule(findings);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.print(style.bold(`cutover check: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info${opts.baseline ? ' (new since the baseline)' : ''}`));
  const width = Math.max(...groups.map((g) => g.id.length));
  for (const g of groups) out.print(`  ${sev(g.severity)}${' '.repeat(8 - g.severity.length)}${g.id.padEnd(width)}  ${String(g.findings.length).padStart(5)}`);
  for (const l of baselineLines(out, opts.baseline)) out.print(l);
  const hidden = opts.quiet ? c.warning + c.info : 0;
  if (hidden) out.print(style.dim(`  (--quiet: ${hidden} warning and info finding(s) not listed below)`));
  if (opts.maxWarnings !== undefined && c.warning > opts.maxWarnings) out.print(style.red(`  ${plural(c.warning, 'warning')}, more than --max-warnings ${opts.maxWarnings}`));
  for (const g of groups) {
    if (opts.quiet && g.severity !== 'error') continue;
    out.print();
    out.print(style.bold(`${g.id} (${plural(g.findings.length, g.severity === 'info' ? 'info finding' : g.severity)})`));
    for (const f of sortFindings(g.findings)) {
      const loc = findingLocation(f, cwd);
      out.print(`  ${loc ? `${loc}  ` : ''}${f.message}`);
      if (f.hint) out.print(`    ${style.dim(`→ ${f.hint}`)}`);
    }
  }
}
