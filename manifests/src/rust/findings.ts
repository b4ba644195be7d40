/** Findings of the Rust extractors, with the severity declared for each id. */
import { findingMaker, type Finding } from '../../../core/src/findings.js';
import { findingIds } from '../finding-ids.js';

const make = findingMaker(findingIds);

export function finding(
  id: keyof typeof findingIds,
  at: { file: string; line: number; column?: number },
  message: string,
  hint: string,
  data?: Record<string, unknown>,
): Finding {
  return make(id, message, { ...at, hint, data });
}
