import { configVerb } from '../commands/config.js';
import { verbs as manifestVerbs } from '../../../manifests/src/verbs.js';
import { verbs as harnessVerbs } from '../../../harness/src/verbs.js';
import { verbs as matrixVerbs } from '../../../matrix/src/verbs.js';
import { verbs as evidenceVerbs } from '../../../evidence/src/verbs.js';
import type { Verb } from './verb.js';

/** The order help lists verbs in: the pipeline's order, then utilities. */
const ORDER = ['manifest', 'check', 'drift', 'record', 'replay', 'matrix', 'evidence', 'gate', 'config'];

/** Every working verb. Each pillar registers its verbs in its own `src/verbs.ts`; nothing is listed before it works. */
export function allVerbs(): Verb[] {
  const verbs = [...manifestVerbs, ...harnessVerbs, ...matrixVerbs, ...evidenceVerbs, configVerb];
  const rank = (v: Verb) => (ORDER.includes(v.name) ? ORDER.indexOf(v.name) : ORDER.length);
  return verbs.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
