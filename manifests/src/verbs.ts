import type { Verb } from '../../core/src/cli/verb.js';

/** This pillar's CLI verbs, one `commands/<verb>.ts` each. A verb is listed here once it works. */
export const verbs: Verb[] = [];
