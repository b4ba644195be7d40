import path from 'node:path';
import type { Verb } from '../../../core/src/cli/verb.js';
import { countBySeverity } from '../../../core/src/findings.js';
import { printFindings } from '../../../core/src/format-findings.js';
import { COMMON_OPTIONS, display, prepare } from './shared.js';

export const checkVerb: Verb = {
  name: 'check',
  summary: 'Check producers against consumers: every invoke, forward, handler and event joins up',
  description: `Runs every rule over the extracted facts: frontend invokes of unregistered commands, commands not
registered (and the reverse), forwards to sidecar commands with no handler, handlers nothing forwards to,
events listened for but never emitted (and the reverse), conflicting payloads, json! keys against the keys
the handler reads, invoke arguments against the Rust parameters, and names that cannot be resolved.
Exit 1 when any finding is an error (severities and ignores: manifests.check in the config).
In GitHub Actions the findings are also printed as annotations.`,
  options: {
    sarif: { type: 'string', valueName: 'FILE', description: 'Also write the findings as SARIF 2.1.0 to FILE (for code scanning)' },
    ...COMMON_OPTIONS,
  },
  examples: ['cutover check', 'cutover check --json', 'cutover check --sarif cutover.sarif'],
  async run(ctx) {
    const { runChecks } = await import('../project/check.js');
    const { annotate, relocate, writeSarif } = await import('../report/output.js');
    const a = await prepare(ctx);
    const findings = runChecks(a);
    const abs = relocate(findings, a.options.root);
    if (typeof ctx.values.sarif === 'string') {
      const file = writeSarif(ctx.values.sarif, abs, ctx.cwd);
      ctx.out.info(`cutover: wrote SARIF to ${display(ctx, file)}`);
    }
    annotate(ctx.out, ctx.env, abs, ctx.cwd);
    const counts = countBySeverity(findings);
    if (ctx.out.json) {
      ctx.out.printJson({ ok: counts.error === 0, summary: counts, findings: relocate(findings, a.options.root, a.options.configDir), root: path.relative(a.options.configDir, a.options.root) || '.' });
    } else {
      printFindings(ctx.out, abs, ctx.cwd);
    }
    return counts.error > 0 ? 1 : 0;
  },
};
