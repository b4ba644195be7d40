import { deepDiff } from '../../../../../harness/src/compare/deep-diff.js';
import { formatPath } from '../../../../../harness/src/compare/json-path.js';
import { Normalizer } from '../../../../../harness/src/compare/normalize.js';
import { getProfile } from '../../../../../harness/src/profiles/registry.js';
import { harnessSettings } from '../../../../../harness/src/settings.js';
import { ask, REQUEST_PROPERTIES, shown, type RequestValue } from '../connect.js';
import { WITHIN } from '../schema-parts.js';
import { StepFailed, type StepKind } from '../types.js';

interface ExpectSameValue extends RequestValue {
  as: string;
  ignore?: string[];
  withinMs?: number;
}

/**
 * Sends a request and compares its answer with one captured earlier (`request … as: NAME`),
 * after the harness's normalisation: times and epoch millis are masked, `ignore` paths (and the
 * project's harness.compare.ignore) left out, ids renamed consistently across both answers, so
 * an id that is the same before and after is equal and one that changed is a difference.
 * "Sessions survive restart" is `request … as: before`, `restart`, `expectSame … as: before`.
 */
export const expectSameStep: StepKind<ExpectSameValue> = {
  key: 'expectSame',
  description: 'Sends a request and requires its answer to equal the one captured earlier under `as`, after the harness\'s normalisation (times masked, ids compared by identity, ignore paths left out).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['command', 'as'],
    properties: {
      ...REQUEST_PROPERTIES,
      as: { type: 'string', description: 'The name an earlier request step captured its answer under.' },
      ignore: { type: 'array', items: { type: 'string' }, description: 'JSON paths of the answer that may differ (data.pid, result.uptimeMs; * and ** patterns allowed).' },
      withinMs: WITHIN,
    },
  },
  needsTarget: false,
  validate: (v, known) => (known.bound.includes(v.as) ? [] : [`expectSame: no earlier request step captures an answer as "${v.as}"`]),
  describe: (v) => `expect ${v.command} to answer as ${v.as} did`,
  async run(v, { session, ctx }) {
    const before = session.captures[v.as];
    if (before === undefined) throw new StepFailed(`nothing was captured as "${v.as}"`, 'error');
    const answer = await ask(session, v, session.bound(v.withinMs));
    const base = harnessSettings(ctx.loaded).compare;
    const profile = getProfile(v.profile ?? session.spec.profile ?? 'cowork-ndjson');
    const normalizer = new Normalizer({
      compare: { ...base, ignore: [...base.ignore, ...(v.ignore ?? []).map((path) => ({ path }))] },
      profile,
      noise: [],
      dataDirs: [ctx.tmp],
    });
    const scope = { kind: 'response' as const, name: v.command };
    // One normalizer for both: the same id gets the same placeholder, a changed id another.
    const a = normalizer.normalize(before, scope);
    const b = normalizer.normalize(answer.msg, scope);
    const diffs = deepDiff(a, b);
    if (diffs.length) {
      const lines = diffs.slice(0, 5).map((d) => `${formatPath(d.path)}: ${d.kind}${d.expected !== undefined ? ` (was ${shown(session, d.expected, 100)})` : ''}${d.actual !== undefined ? ` (now ${shown(session, d.actual, 100)})` : ''}`);
      throw new StepFailed(`${v.command} answers differently than when captured as ${v.as}: ${lines.join('; ')}${diffs.length > 5 ? `; and ${diffs.length - 5} more` : ''}`);
    }
    return `${v.command} answers as it did when captured as ${v.as} (after normalisation)`;
  },
};
