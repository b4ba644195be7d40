import type { Verb } from '../../core/src/cli/verb.js';
import { recordVerb } from './commands/record.js';
import { replayVerb } from './commands/replay.js';
import { tapVerb } from './commands/tap.js';

/** This pillar's CLI verbs, one `commands/<verb>.ts` each. A verb is listed here once it works. */
export const verbs: Verb[] = [recordVerb, replayVerb, tapVerb];
