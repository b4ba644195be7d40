import type { FindingDefinition } from './findings.js';
import { findingIds as manifests } from '../../manifests/src/finding-ids.js';
import { findingIds as harness } from '../../harness/src/finding-ids.js';
import { findingIds as matrix } from '../../matrix/src/finding-ids.js';
import { findingIds as evidence } from '../../evidence/src/finding-ids.js';

/** The one list of every finding id cutover reports, by pillar. A test keeps ids unique across pillars. */
export const FINDING_CATALOG: Record<string, readonly FindingDefinition[]> = {
  manifests: Object.values(manifests),
  harness: Object.values(harness),
  matrix: Object.values(matrix),
  evidence: Object.values(evidence),
};

export function findingDefinition(id: string): FindingDefinition | undefined {
  for (const defs of Object.values(FINDING_CATALOG)) {
    const d = defs.find((x) => x.id === id);
    if (d) return d;
  }
  return undefined;
}
