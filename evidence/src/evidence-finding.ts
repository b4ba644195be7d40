import { findingMaker, type Finding } from '../../core/src/findings.js';
import { findingIds } from './finding-ids.js';

const make = findingMaker(findingIds);

/** An evidence finding at file:line; severity comes from the declared id. */
export function evidenceFinding(
  id: keyof typeof findingIds,
  file: string,
  line: number | undefined,
  message: string,
  hint?: string,
  data?: Record<string, unknown>,
): Finding {
  return make(id, message, { file, line, hint, data });
}
