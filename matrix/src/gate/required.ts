import { findingIds } from '../finding-ids.js';
import { reason } from './reason.js';
import type { GateContext, GateRule, RuleOutcome } from './types.js';

const CONFIGURE: Record<'matrix' | 'contract', string> = {
  matrix: 'Add `matrix: { file: "cutover.matrix.yaml" }` and run it, or opt out with `gate: { require: { matrix: false, reason: "…" } }`.',
  contract: 'Add a `manifests` section (README: "Manifests"), or opt out with `gate: { require: { contract: false, reason: "…" } }`.',
};

/**
 * The outcome of a rule whose section is not configured: blocking while the release requires the
 * section (the default), skipped with the stated reason once `gate.require` opts out of it.
 */
export function notConfigured(rule: GateRule, ctx: GateContext, section: 'matrix' | 'contract', what: string): RuleOutcome {
  const req = ctx.settings.require;
  if (!req[section]) return { reasons: [], skipped: `not required: ${req.reason ?? '(no reason given)'}` };
  return {
    reasons: [
      reason(rule.id, rule.category, findingIds['gate-section-missing'].id, `the release requires ${what}, and the config has no ${section === 'contract' ? 'manifests' : 'matrix'} section`, {
        root: ctx.loaded.dir,
        file: ctx.loaded.file,
        hint: CONFIGURE[section],
      }),
    ],
  };
}
