import { locatedFindingMaker } from '../../core/src/findings.js';
import { findingIds } from './finding-ids.js';

/** An evidence finding at file:line; severity comes from the declared id. */
export const evidenceFinding = locatedFindingMaker(findingIds);
