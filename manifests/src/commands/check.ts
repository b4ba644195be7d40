import path from 'node:path';
import type { Verb } from '../../../core/src/cli/verb.js';
import { countBySeverity } from '../../../core/src/findings.js';
import { COMMON_OPTIONS, display, prepare } from './shared.js';

export const checkVerb: Verb = {
  name: 'check',
  summary: 'Check producers against consumers: every invoke, forward, handler and event joins up',
  description: `Runs every rule over the extracted facts: frontend invokes of unregistered commands, commands not
registered (and the reverse), forwards to sidecar commands with no handler, handlers nothing forwards to,
events listened for but never emitted (and the reverse), conflicting payloads, json! keys against the keys
the handler reads, invoke arguments against the Rust parameters, and names that cannot be resolved.
The output starts with a summary by rule and severity, then lists the findings grouped by rule.
Exit 1 when any finding is an error (severities and ignores: manifests.check in the config), or
when there are more warnings than --max-warnings allows.
In GitHub Actions the findings are also printed as annotations.`,
  options: {
    sarif: { type: 'string', valueName: 'FILE', description: 'Also write the findings as SARIF 2.1.0 to FILE (for code scanning)' },
    quiet: { type: 'boolean', short: 'q', description: 'List errors only (the summary still counts warnings and info)' },
    'max-warnings': { type: 'integer', min: 0, description: 'Exit 1 when there are more than N warnings (N ≥ 0)' },
    'update-baseline': { type: 'boolean', description: 'Accept every current error and warning: write them to the baseline (cutover.baseline.json), so later runs fail only on new ones' },
    ...COMMON_OPTIONS,
  },
  examples: ['cutover check', 'cutover check --quiet', 'cutover check --max-warnings 0', 'cutover check --update-baseline', 'cutover check --json', 'cutover check --sarif cutover.sarif'],
  async run(ctx) {
    const maxWarnings = ctx.values['max-warnings'] as number | undefined;
    const quiet = ctx.values.quiet === true;
    const { runChecks } = await import('../project/check.js');
    const { annotate, relocate, writeSarif } = await import('../report/output.js');
    const { printCheck } = await import('../report/check-output.js');
    const { splitByBaseline, writeBaseline } = await import('../baseline/run.js');
    const a = await prepare(ctx, 'check');
    const all = runChecks(a);
    if (ctx.values['update-baseline'] === true) {
      const w = writeBaseline(a.options, all, a.options.configDir);
      const what = `${w.errors} error(s) and ${w.warnings} warning(s)`;
      if (ctx.out.json) ctx.out.printJson({ ok: true, baseline: path.relative(a.options.configDir, w.file), errors: w.errors, warnings: w.warnings, previous: w.previous ?? null });
      else ctx.out.print(`cutover check: wrote ${display(ctx, w.file)}: ${what} accepted${w.previous !== undefined ? ` (it accepted ${w.previous} before)` : ''}. Commit it; \`cutover check\` now fails only on new findings.`);
      return 0;
    }
    const split = splitByBaseline(a.options, all);
    const findings = split.fresh;
    const abs = relocate(findings, a.options.root);
    if (typeof ctx.values.sarif === 'string') {
      const file = writeSarif(ctx.values.sarif, abs, ctx.cwd, split.file ? { baselined: relocate(split.baselined, a.options.root) } : {});
      ctx.out.info(`cutover: wrote SARIF to ${display(ctx, file)}`);
    }
    const baseline = split.file ? { file: display(ctx, split.file), baselined: split.baselined.length, fixed: split.fixed.reduce((n, e) => n + e.count, 0) } : undefined;
    const listed = quiet ? findings.filter((f) => f.severity === 'error') : findings;
    annotate(ctx.out, ctx.env, relocate(listed, a.options.root), ctx.cwd, 'check');
    const { appendStepSummary } = await import('../../../core/src/step-summary.js');
    const { checkMarkdown } = await import('../report/step-summary.js');
    appendStepSummary(ctx.env, checkMarkdown(abs, ctx.cwd, baseline));
    const counts = countBySeverity(findings);
    const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
    const ok = counts.error === 0 && !tooManyWarnings;
    if (ctx.out.json) {
      ctx.out.printJson({
        ok,
        summary: counts,
        ...(maxWarnings !== undefined ? { maxWarnings } : {}),
        findings: relocate(listed, a.options.root, a.options.configDir),
        root: path.relative(a.options.configDir, a.options.root) || '.',
        ...(split.file ? { baseline: { file: path.relative(a.options.configDir, split.file), baselined: split.baselined.length, fixed: split.fixed } } : {}),
      });
    } else {
      printCheck(ctx.out, abs, ctx.cwd, { quiet, maxWarnings, ...(baseline ? { baseline } : {}) });
    }
    return ok ? 0 : 1;
  },
};
