import path from 'node:path';
import type { Verb } from '../../../core/src/cli/verb.js';
import { UsageError } from '../../../core/src/errors.js';
import { githubAnnotations, inGitHubActions } from '../../../core/src/format-findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { hostOs } from '../matrix-file/cells.js';
import { OS_VALUES, type OsName } from '../matrix-file/types.js';

function parseOs(value: string): OsName[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (s === 'host' ? hostOs() : s));
  for (const o of list) {
    if (!o || !(OS_VALUES as readonly string[]).includes(o)) {
      throw new UsageError(`--os expects a comma-separated list of ${OS_VALUES.join(', ')} or "host", got "${value}"`);
    }
  }
  return [...new Set(list as OsName[])];
}

export const gateVerb: Verb = {
  name: 'gate',
  summary: 'PASS or BLOCK the release: tasks, evidence, matrix report, sign-offs, contract',
  description: `BLOCKs (exit 1) while a task is open, in progress, in review or blocked; a done task lacks valid evidence;
the matrix report is missing, from another commit or has a failed or missing required cell; a required sign-off
is missing; or drift/check report errors (when manifests are configured). Fails closed: an input it cannot read
or parse, or a rule it cannot evaluate, blocks with the reason. Writes an HTML dashboard, and a markdown summary
(to --summary, or appended to $GITHUB_STEP_SUMMARY in GitHub Actions).`,
  options: {
    explain: { type: 'boolean', description: 'List every blocking reason and warning (default: the top N)' },
    top: { type: 'integer', min: 1, description: 'How many reasons to show without --explain (default: gate.top, else 10)' },
    os: { type: 'string', valueName: 'LIST', description: 'Require matrix cells only on these OSes: linux,macos,windows or "host" (default: every OS the matrix declares)' },
    report: { type: 'string', valueName: 'FILE', description: 'Matrix report to judge (default: gate.report, else report.json in matrix.outDir)' },
    dashboard: { type: 'string', valueName: 'DIR', description: 'Write the HTML dashboard here (default: gate.dashboardDir, else .cutover/dashboard)' },
    'no-dashboard': { type: 'boolean', description: 'Do not write the dashboard' },
    summary: { type: 'string', valueName: 'FILE', description: 'Write a markdown summary here (e.g. for a CI job summary)' },
  },
  examples: ['cutover gate', 'cutover gate --explain', 'cutover gate --os host --json', 'cutover gate --summary "$GITHUB_STEP_SUMMARY"'],
  async run(ctx) {
    const { writeDashboard } = await import('../dashboard/render.js');
    const { writeRedactedText } = await import('../../../core/src/redact/write.js');
    const { gateMarkdown } = await import('../gate/render/markdown.js');
    const { printGate } = await import('../gate/render/text.js');
    const { runGate } = await import('../gate/run-gate.js');
    const { matrixSettings } = await import('../settings.js');
    const top = ctx.values.top as number | undefined;
    const scopeOs = typeof ctx.values.os === 'string' ? parseOs(ctx.values.os) : undefined;
    const loaded = await ctx.loadConfig();
    const settings = matrixSettings(loaded);
    if (typeof ctx.values.report === 'string') settings.report = path.resolve(ctx.cwd, ctx.values.report);
    // What this run writes is never part of what the report is tied to.
    if (typeof ctx.values.dashboard === 'string') settings.dashboardDir = path.resolve(ctx.cwd, ctx.values.dashboard);
    const summary = typeof ctx.values.summary === 'string' ? path.resolve(ctx.cwd, ctx.values.summary) : undefined;
    if (summary) settings.ownOutputs.push(summary);
    const result = await runGate({ loaded, settings, ...(scopeOs ? { scopeOs } : {}) });
    const n = top ?? settings.top;

    const dashboard = ctx.values['no-dashboard'] !== true ? writeDashboard(settings.dashboardDir, result, loaded.dir) : undefined;
    const md = gateMarkdown(result, { top: n });
    if (summary) {
      writeRedactedText(summary, md);
    } else {
      const { appendStepSummary } = await import('../../../core/src/step-summary.js');
      appendStepSummary(ctx.env, md);
    }
    if (ctx.out.json) {
      ctx.out.printJson({ ok: result.verdict === 'PASS', ...result, dashboard, summary });
      return result.verdict === 'PASS' ? 0 : 1;
    }
    if (inGitHubActions(ctx.env)) for (const line of githubAnnotations(result.reasons.slice(0, 50))) ctx.out.print(line);
    printGate(ctx.out, result, {
      explain: ctx.values.explain === true,
      top: n,
      ...(dashboard ? { dashboard: toPosixRelative(ctx.cwd, dashboard) } : {}),
      ...(summary ? { summary: toPosixRelative(ctx.cwd, summary) } : {}),
    });
    return result.verdict === 'PASS' ? 0 : 1;
  },
};
