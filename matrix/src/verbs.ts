import type { Verb } from '../../core/src/cli/verb.js';
import { gateVerb } from './commands/gate.js';
import { matrixVerb } from './commands/matrix.js';

/** This pillar's CLI verbs, one `commands/<verb>.ts` each. A verb is listed here once it works. */
export const verbs: Verb[] = [matrixVerb, gateVerb];
