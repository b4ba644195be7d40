import path from 'node:path';
import { findingIds } from '../../finding-ids.js';
import { MissingApiError } from '../inputs.js';
import { manifestsApi } from '../../pillars.js';
import { reason } from '../reason.js';
import { notConfigured } from '../required.js';
import type { GateRule } from '../types.js';

/** The manifests pillar is configured (unless gate.require opts out), and its check and drift report no error. */
export const contractRule: GateRule = {
  id: 'contract',
  category: 'contract',
  description: 'The command/event contract is configured and has no drift or check finding of severity error.',
  async run(ctx) {
    const { loaded } = ctx;
    if (loaded.config.manifests === undefined) return notConfigured(this, ctx, 'contract', 'the command/event contract to be checked (check and drift)');
    const api = await manifestsApi();
    if (!api.checkProject || !api.driftProject) {
      throw new MissingApiError('manifests are configured but this build of cutover has no checkProject/driftProject in cutover/manifests');
    }
    const [check, drift] = await Promise.all([api.checkProject(loaded), api.driftProject(loaded)]);
    const all = [...check.findings.map((f) => ({ f, from: 'check' })), ...drift.findings.map((f) => ({ f, from: 'drift' }))];
    const reasons = all
      .filter(({ f }) => f.severity === 'error')
      .map(({ f, from }) =>
        reason(this.id, this.category, findingIds['gate-contract-findings'].id, `${from}: ${f.message}`, {
          root: loaded.dir,
          ...(f.file !== undefined ? { file: f.file } : {}),
          ...(f.line !== undefined ? { line: f.line } : {}),
          hint: f.hint ?? `Run \`cutover ${from}\` for the details.`,
          data: { finding: f.id },
        }),
      );
    // A baseline lets pull requests fail only on new findings; it carries no reason, so a release
    // does not take it as accepting an error: those still block, named as baselined.
    const b = check.baseline;
    const baselineFile = b ? path.relative(loaded.dir, b.file) || b.file : '';
    if (b && b.errors > 0) {
      reasons.push(
        reason(this.id, this.category, findingIds['gate-contract-baselined'].id, `check: ${b.errors} error finding(s) are accepted only by ${baselineFile}`, {
          root: loaded.dir,
          file: b.file,
          hint: 'Fix them (`cutover check --update-baseline` then drops them), or accept each with a reason in manifests.check.ignore.',
        }),
      );
    }
    const base = b ? ` (${b.baselined} more accepted by ${baselineFile})` : '';
    return { reasons, note: `check: ${check.findings.length} finding(s)${base}, drift: ${drift.findings.length} finding(s); ${reasons.length} error(s)` };
  },
};
