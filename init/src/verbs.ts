import type { Verb } from '../../core/src/cli/verb.js';
import { initVerb } from './commands/init.js';

/** This layer's CLI verbs. */
export const verbs: Verb[] = [initVerb];
