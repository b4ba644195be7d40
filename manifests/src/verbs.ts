import type { Verb } from '../../core/src/cli/verb.js';
import { checkVerb } from './commands/check.js';
import { driftVerb } from './commands/drift.js';
import { manifestVerb } from './commands/manifest.js';

/** This pillar's CLI verbs, one `commands/<verb>.ts` each. A verb is listed here once it works. */
export const verbs: Verb[] = [manifestVerb, checkVerb, driftVerb];
