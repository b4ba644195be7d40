import type { Finding } from '../../core/src/findings.js';
import { findingIds } from './finding-ids.js';

type EvidenceFindingId = keyof typeof findingIds;

export function evidenceFinding(
  id: EvidenceFindingId,
  file: string,
  line: number | undefined,
  message: string,
  hint?: string,
  data?: Record<string, unknown>,
): Finding {
  return {
    id,
    severity: findingIds[id].severity,
    file,
    ...(line === undefined ? {} : { line }),
    message,
    ...(hint ? { hint } : {}),
    ...(data ? { data } : {}),
  };
}
