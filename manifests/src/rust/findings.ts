/** Findings of the Rust extractors, with the severity declared for each id. */
import type { Finding } from '../../../core/src/findings.js';
import { findingIds } from '../finding-ids.js';

type Id = keyof typeof findingIds;

export function finding(id: Id, at: { file: string; line: number; column?: number }, message: string, hint: string, data?: Record<string, unknown>): Finding {
  return {
    id,
    severity: findingIds[id].severity,
    message,
    file: at.file,
    line: at.line,
    ...(at.column !== undefined ? { column: at.column } : {}),
    hint,
    ...(data ? { data } : {}),
  };
}
