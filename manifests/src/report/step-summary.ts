/** The markdown `cutover check` and `cutover drift` add to a GitHub Actions job summary. */
import type { Finding } from '../../../core/src/findings.js';
import { countBySeverity } from '../../../core/src/findings.js';
import { findingLocation } from '../../../core/src/format-findings.js';
import { capped, mdTable } from '../../../core/src/step-summary.js';
import type { Change } from '../drift/compare.js';
import { groupByRule } from './check-output.js';

const MAX = 30;
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function checkMarkdown(findings: readonly Finding[], cwd: string, baseline?: { file: string; baselined: number; fixed: number }): string {
  const c = countBySeverity(findings);
  const head = c.error ? `❌ ${plural(c.error, 'error')}` : '✅ no error';
  const lines = [`### cutover check: ${head}, ${plural(c.warning, 'warning')}, ${c.info} info${baseline ? ' (new since the baseline)' : ''}`, ''];
  if (baseline) lines.push(`${baseline.baselined} baselined finding(s) accepted in \`${baseline.file}\`${baseline.fixed ? `; ${baseline.fixed} fixed since (\`cutover check --update-baseline\` drops them)` : ''}.`, '');
  if (findings.length) {
    lines.push(mdTable(['rule', 'severity', 'findings'], groupByRule(findings).map((g) => [`\`${g.id}\``, g.severity, g.findings.length])), '');
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `- \`${findingLocation(f, cwd) ?? '(project)'}\` ${f.message}`);
    lines.push(...capped(errors, MAX, (n) => `- … and ${n} more error(s) in the step's output`));
  }
  return lines.join('\n');
}

export function driftMarkdown(changes: readonly Change[], findings: readonly Finding[]): string {
  const errors = countBySeverity(findings).error;
  if (!changes.length && !errors) return '### cutover drift: ✅ no drift\n\nThe sources match the committed manifests.';
  const by = (k: string) => changes.filter((x) => x.class === k).length;
  const lines = [`### cutover drift: ${errors ? '❌' : '✅'} ${plural(changes.length, 'change')} (${by('breaking')} breaking, ${by('additive')} additive, ${by('metadata')} metadata)`, ''];
  lines.push(...capped(changes.map((ch) => `- **${ch.class}** ${ch.message}`), MAX, (n) => `- … and ${n} more change(s) in the step's output`));
  const breaking = [...new Set(changes.filter((ch) => ch.class === 'breaking').map((ch) => `${ch.kind}:${ch.name}`))];
  if (breaking.length) lines.push('', `If the breaking changes are intended: \`cutover drift ${breaking.map((b) => `--accept ${b}`).join(' ')} --reason "…"\` records why in history.json.`);
  return lines.join('\n');
}
