import path from 'node:path';
import type { Finding } from './findings.js';
import { countBySeverity, sortFindings } from './findings.js';
import type { Output } from './output.js';

export function findingLocation(f: Finding, cwd = process.cwd()): string {
  if (!f.file) return '';
  const file = path.isAbsolute(f.file) ? path.relative(cwd, f.file) || f.file : f.file;
  return f.line === undefined ? file : `${file}:${f.line}${f.column === undefined ? '' : `:${f.column}`}`;
}

/** Human listing: one line per finding, location first so editors can jump to it. */
export function printFindings(out: Output, findings: readonly Finding[], cwd = process.cwd()): void {
  const { style } = out;
  for (const f of sortFindings(findings)) {
    const sev = f.severity === 'error' ? style.red('error') : f.severity === 'warning' ? style.yellow('warning') : style.dim('info');
    const loc = findingLocation(f, cwd);
    out.print(`${loc ? `${loc}  ` : ''}${sev} ${f.message} ${style.dim(`[${f.id}]`)}`);
    if (f.hint) out.print(`  ${style.dim(`→ ${f.hint}`)}`);
  }
  const c = countBySeverity(findings);
  out.print(
    findings.length === 0
      ? style.green('no findings')
      : `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`,
  );
}

/** GitHub Actions workflow commands, so findings show inline on the pull request. */
export function githubAnnotations(findings: readonly Finding[], cwd = process.cwd()): string[] {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return sortFindings(findings).map((f) => {
    const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const props: string[] = [];
    if (f.file) props.push(`file=${escProp(path.isAbsolute(f.file) ? path.relative(cwd, f.file) : f.file)}`);
    if (f.line !== undefined) props.push(`line=${f.line}`);
    props.push(`title=${escProp(f.id)}`);
    return `::${level} ${props.join(',')}::${esc(f.message)}`;
  });
}

export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
