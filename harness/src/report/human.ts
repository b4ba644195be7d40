import { findingLocation } from '../../../core/src/format-findings.js';
import { sortFindings, type Finding } from '../../../core/src/findings.js';
import type { Output } from '../../../core/src/output.js';
import type { UnitResult } from '../run-harness.js';

/** One line per unit, then each unit's findings with the readable diff of what changed. */
export function printUnits(out: Output, units: readonly UnitResult[], findings: readonly Finding[], cwd: string): void {
  const { style } = out;
  const width = Math.max(8, ...units.map((u) => u.name.length));
  for (const u of units) {
    const label = u.kind === 'trace' ? 'replay ' : 'builtin';
    const status = u.status === 'passed' ? style.green('passed') : u.status === 'failed' ? style.red('failed') : style.yellow(u.status);
    const bits = [
      u.recorded ? `recorded ${u.recorded === 'new' ? 'new' : 'again'}` : '',
      u.messages !== undefined ? `${u.messages} messages` : '',
      u.reason ?? '',
      u.status !== 'skipped' ? `${(u.durationMs / 1000).toFixed(1)} s` : '',
    ].filter(Boolean);
    out.print(`${style.dim(label)} ${u.name.padEnd(width)}  ${status}${bits.length ? style.dim(` (${bits.join(', ')})`) : ''}`);
  }
  if (findings.length) out.print();
  printFindingsWithDiffs(out, findings, cwd);
}

export function printFindingsWithDiffs(out: Output, findings: readonly Finding[], cwd: string, maxDiffs = 10): void {
  const { style } = out;
  let diffs = 0;
  for (const f of sortFindings(findings)) {
    const sev = f.severity === 'error' ? style.red('error') : f.severity === 'warning' ? style.yellow('warning') : style.dim('info');
    const loc = findingLocation(f, cwd);
    out.print(`${loc ? `${loc}  ` : ''}${sev} ${f.message} ${style.dim(`[${f.id}]`)}`);
    if (f.hint) out.print(`  ${style.dim(`→ ${f.hint}`)}`);
    const diff = f.data?.diff;
    if (typeof diff === 'string' && diffs++ < maxDiffs) {
      for (const line of diff.split('\n').slice(0, 40)) {
        if (!line) continue;
        out.print(`    ${line.startsWith('+') ? style.green(line) : line.startsWith('-') ? style.red(line) : style.dim(line)}`);
      }
    }
    const tail = f.data?.stderrTail;
    if (typeof tail === 'string') for (const l of tail.split('\n')) out.print(style.dim(`  | ${l}`));
  }
}
