import type { Verb, VerbContext } from '../../../core/src/cli/verb.js';
import { UsageError } from '../../../core/src/errors.js';
import { countBySeverity } from '../../../core/src/findings.js';
import { printFindings } from '../../../core/src/format-findings.js';
import type { Analysis } from '../project/analyze.js';
import type { Allowance, DriftResult } from '../project/drift.js';
import { label } from './manifest.js';
import { COMMON_OPTIONS, display, prepare } from './shared.js';

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
--allow additive (and --allow metadata) let those classes pass. Breaking changes always fail, until
\`--accept <change> --reason "…"\` accepts them: it writes the manifests and records each accepted change with
its reason in history.json beside them, for review.`,
  options: {
    allow: { type: 'string', multiple: true, valueName: 'CLASS', description: 'Let a class of change pass: additive, metadata (comma-separated or repeated)' },
    accept: { type: 'string', multiple: true, valueName: 'CHANGE', description: 'Accept the changes of an entry on purpose (command:NAME or event:NAME, as drift lists them); needs --reason' },
    reason: { type: 'string', valueName: 'TEXT', description: 'Why the accepted change is intended (recorded in history.json)' },
    ...COMMON_OPTIONS,
  },
  examples: ['cutover drift', 'cutover drift --allow additive', 'cutover drift --accept command:agent_delete_session --reason "sessions are archived now"', 'cutover drift --json'],
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
    const accept = (ctx.values.accept as string[] | undefined) ?? [];
    const a = await prepare(ctx, 'drift');
    const result = runDrift(a, readCommitted(a.options.out), allow);
    if (accept.length) return acceptAndReport(ctx, a, result, accept);
    const abs = relocate(result.findings, a.options.root);
    annotate(ctx.out, ctx.env, abs, ctx.cwd, 'drift');
    const { appendStepSummary } = await import('../../../core/src/step-summary.js');
    const { driftMarkdown } = await import('../report/step-summary.js');
    appendStepSummary(ctx.env, driftMarkdown(result.changes, result.findings));
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
    const breaking = [...new Set(result.changes.filter((c) => c.class === 'breaking').map((c) => `${c.kind}:${c.name}`))];
    if (breaking.length) out.print(out.style.dim(`If the breaking changes are intended: cutover drift ${breaking.map((b) => `--accept ${b}`).join(' ')} --reason "…" (records why in history.json and writes the manifests).`));
    else if (counts.error > 0) out.print(out.style.dim('If these changes are intended, run `cutover manifest --update` and commit the manifests.'));
    return counts.error > 0 ? 1 : 0;
  },
};

async function acceptAndReport(ctx: VerbContext, a: Analysis, result: DriftResult, accept: string[]): Promise<number> {
  const { acceptChanges } = await import('../history/accept.js');
  const { out } = ctx;
  const outcome = await acceptChanges(a, result, accept, typeof ctx.values.reason === 'string' ? ctx.values.reason : undefined);
  if (!outcome.ok) {
    const left = [...new Set(outcome.unaccepted.map((c) => `${c.kind}:${c.name}`))];
    if (out.json) out.printJson({ ok: false, unaccepted: outcome.unaccepted });
    else {
      out.print(out.style.red(`Not accepted: ${outcome.unaccepted.length} other breaking change(s) are in the drift, and one reason cannot cover changes it does not name:`));
      for (const c of outcome.unaccepted) out.print(`  ${label(ctx, c.class)} ${c.message}`);
      out.print(out.style.dim(`Name them too (--accept ${left.join(' --accept ')}), or restore the contract. Nothing was written.`));
    }
    return 1;
  }
  const rel = (f: string) => display(ctx, f);
  if (out.json) {
    out.printJson({ ok: true, accepted: outcome.accepted, history: rel(outcome.historyFile), written: outcome.written.written.map(rel) });
    return 0;
  }
  out.print(`Accepted ${outcome.accepted.length} change(s), recorded with the reason in ${rel(outcome.historyFile)}:`);
  for (const c of outcome.accepted) out.print(`  ${label(ctx, c.class)} ${c.change}`);
  for (const f of outcome.written.written) out.print(`wrote ${rel(f)}`);
  out.print(out.style.dim('Commit the manifests and the history with the change: the reason is in the diff reviewers see.'));
  return 0;
}
