import type { Verb } from '../../core/src/cli/verb.js';
import { evidenceVerb } from './commands/evidence.js';

/** This pillar's CLI verbs, one `commands/<verb>.ts` each. A verb is listed here once it works. */
export const verbs: Verb[] = [evidenceVerb];
