import type { Finding } from '../../../core/src/findings.js';
import { byName } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at } from './suggest.js';

/** Why a handler's keys are not known, when its extractor did not say. */
const HANDLER_UNKNOWN = 'it hands its params on whole, or reads them in a way cutover cannot follow';

/**
 * A forward and the handler it reaches whose keys could not be compared, because the keys one of
 * them sends or reads could not be told: one warning per pair, saying which side and why, so no
 * pair is left out of forward-key-mismatch silently.
 */
export const unresolvedKeys: Rule = {
  id: 'unresolved-keys',
  description: 'The keys a forward sends or its handler reads could not be told, so they were not compared.',
  check({ facts }) {
    const handlers = byName(facts.handlers);
    const out: Finding[] = [];
    for (const f of facts.forwards) {
      for (const h of handlers.get(f.to) ?? []) {
        if (f.keys && h.reads) continue;
        const sides = [
          ...(!f.keys ? [`the Rust side: ${f.keysUnknown ?? 'the payload cannot be read'}`] : []),
          ...(!h.reads ? [`the sidecar side (handler at ${at(h.loc)}): ${h.readsUnknown ?? HANDLER_UNKNOWN}`] : []),
        ];
        out.push(
          finding('unresolved-keys', `cannot compare the keys ${f.from ?? 'Rust'} forwards to '${f.to}' with those its handler reads: ${sides.join('; ')}`, {
            file: f.loc.file,
            line: f.loc.line,
            column: f.loc.column,
            data: { name: f.to, from: f.from, rust: !f.keys, sidecar: !h.reads },
            hint: 'Send a json! object with literal keys or a serde struct of the crate, and have the handler read its params by name (destructuring, params.x, X.parse(params)); or accept the pair with a reason in manifests.check.ignore.',
          }),
        );
      }
    }
    return out;
  },
};
