import { findingMaker } from '../../core/src/findings.js';
import { findingIds } from './finding-ids.js';

export type FindingId = keyof typeof findingIds;
export type { FindingProps } from '../../core/src/findings.js';

/** A finding of this pillar, with its id's default severity unless told otherwise. */
export const finding = findingMaker(findingIds);
