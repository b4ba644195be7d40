import type { FindingDefinition } from './core/src/findings.js';
import { findingIds as tasks } from './core/src/tasks/finding-ids.js';
import { findingIds as manifests } from './manifests/src/finding-ids.js';
import { findingIds as harness } from './harness/src/finding-ids.js';
import { findingIds as matrix } from './matrix/src/finding-ids.js';
import { findingIds as evidence } from './evidence/src/finding-ids.js';

/**
 * The one list of every finding id cutover reports, by the layer that reports it. It sits at the
 * top of the tree because it gathers every pillar: core imports none of them. A test keeps ids
 * unique across layers.
 */
export const FINDING_CATALOG: Record<string, readonly FindingDefinition[]> = {
  tasks: Object.values(tasks),
  manifests: Object.values(manifests),
  harness: Object.values(harness),
  matrix: Object.values(matrix),
  evidence: Object.values(evidence),
};
