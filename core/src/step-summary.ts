/**
 * The job summary of a GitHub Actions step: each verb that runs in CI (check, drift, replay,
 * matrix run, gate) appends its markdown to `$GITHUB_STEP_SUMMARY`, through the redacting writer.
 */
import { inGitHubActions } from './format-findings.js';
import { writeRedactedText } from './redact/write.js';

/** Appends `markdown` to the job summary; false outside GitHub Actions (or without the file). */
export function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): boolean {
  if (!inGitHubActions(env) || !env.GITHUB_STEP_SUMMARY) return false;
  writeRedactedText(env.GITHUB_STEP_SUMMARY, `${markdown.trimEnd()}\n\n`, { append: true });
  return true;
}

/** A markdown table cell: pipes escaped, line breaks made spaces. */
export function mdCell(value: unknown): string {
  return String(value ?? '').replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

export function mdTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [`| ${headers.map(mdCell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

/** At most `max` lines of a list, then one saying how many more the step's output has. */
export function capped(lines: readonly string[], max: number, more: (n: number) => string): string[] {
  return lines.length > max ? [...lines.slice(0, max), more(lines.length - max)] : [...lines];
}
