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
    // A baseline is the team's committed acceptance of findings the app already had: the note says how many it accepted.
    const base = check.baseline ? ` (${check.baseline.baselined} more accepted by ${path.relative(loaded.dir, check.baseline.file) || check.baseline.file})` : '';
    return { reasons, note: `check: ${check.findings.length} finding(s)${base}, drift: ${drift.findings.length} finding(s); ${reasons.length} error(s)` };
  },
};
