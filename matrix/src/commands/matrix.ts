import type { Verb } from '../../../core/src/cli/verb.js';
import { matrixMergeVerb } from './matrix-merge.js';
import { matrixPlanVerb } from './matrix-plan.js';
import { matrixRunVerb } from './matrix-run.js';

export const matrixVerb: Verb = {
  name: 'matrix',
  summary: 'Run the validation matrix (os × service mode × area), plan CI shards, merge their reports',
  subverbs: [matrixRunVerb, matrixPlanVerb, matrixMergeVerb],
};
