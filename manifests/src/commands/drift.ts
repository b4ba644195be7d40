import type { Verb } from '../../../core/src/cli/verb.js';
import { UsageError } from '../../../core/src/errors.js';
import { countBySeverity } from '../../../core/src/findings.js';
import { printFindings } from '../../../core/src/format-findings.js';
import type { Allowance } from '../project/drift.js';
import { label } from './manifest.js';
import { COMMON_OPTIONS, prepare } from './shared.js';

const ALLOWANCES: Allowance[] = ['additive', 'metadata'];

export const driftVerb: Verb = {
  name: 'drift',
  summary: 'Compare the sources with the committed manifests and classify every change (CI)',
  description: `Extracts the contract again and compares it with the committed commands.json and events.json.
Every change is classified: a removed or renamed command or event, a new required field, a changed or
narrowed type is breaking; a new command or event, a new optional field is additive; a change of who
produces or consumes an entry, or a stale types.d.ts, is metadata. Where code sits (file:line) is never
drift, also with manifests.locations on. Prints a summary and the
unified diff. Exit 1 on any change not acknowledged by \`cutover manifest --update\`;
--allow additive (and --allow metadata) let those classes pass. Breaking changes always fail.`,
  options: {
    allow: { type: 'string', multiple: true, valueName: 'CLASS', description: 'Let a class of change pass: additive, metadata (comma-separated or repeated)' },
    ...COMMON_OPTIONS,
  },
  examples: ['cutover drift', 'cutover drift --allow additive', 'cutover drift --json'],
  async run(ctx) {
    const { readCommitted } = await import('../project/committed.js');
    const { runDrift } = await import('../project/drift.js');
    const { annotate, relocate } = await import('../report/output.js');
    const allow = new Set<Allowance>();
    for (const raw of (ctx.values.allow as string[] | undefined) ?? []) {
      for (const v of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (!ALLOWANCES.includes(v as Allowance)) {
          throw new UsageError(`--allow ${v}: expected ${ALLOWANCES.join(' or ')}`, { hint: 'Breaking changes cannot be allowed: acknowledge them with `cutover manifest --update`.' });
        }
        allow.add(v as Allowance);
      }
    }
    const a = await prepare(ctx);
    const result = runDrift(a, readCommitted(a.options.out), allow);
    const abs = relocate(result.findings, a.options.root);
    annotate(ctx.out, ctx.env, abs, ctx.cwd, 'drift');
    const counts = countBySeverity(result.findings);
    if (ctx.out.json) {
      ctx.out.printJson({ ok: counts.error === 0, changes: result.changes, findings: relocate(result.findings, a.options.root, a.options.configDir), diff: result.diff, locationsMoved: result.locationsMoved });
      return counts.error > 0 ? 1 : 0;
    }
    const { out } = ctx;
    const moved = result.locationsMoved ? out.style.dim(' Only file:line of some sites moved, which is not drift; `cutover manifest --update` refreshes them.') : '';
    if (result.changes.length === 0 && result.findings.length === 0) {
      out.print(`${out.style.green('No drift: the sources match the committed manifests.')}${moved}`);
      return 0;
    }
    const byClass = (c: string) => result.changes.filter((x) => x.class === c).length;
    if (result.changes.length) {
      out.print(out.style.bold(`${result.changes.length} change(s): ${byClass('breaking')} breaking, ${byClass('additive')} additive, ${byClass('metadata')} metadata`));
      for (const ch of result.changes) out.print(`  ${label(ctx, ch.class)} ${ch.message}${ch.class !== 'breaking' && allow.has(ch.class) ? out.style.dim(' (allowed)') : ''}`);
      out.print();
    }
    if (result.diff) {
      out.print(result.diff.trimEnd());
      out.print();
    }
    printFindings(out, abs, ctx.cwd);
    if (counts.error > 0) out.print(out.style.dim('If these changes are intended, run `cutover manifest --update` and commit the manifests.'));
    return counts.error > 0 ? 1 : 0;
  },
};
