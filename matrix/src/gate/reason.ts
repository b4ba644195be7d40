import { toPosixRelative } from '../../../core/src/paths.js';
import { findingIds } from '../finding-ids.js';
import type { Category, Reason } from './types.js';

type GateId = keyof typeof findingIds;

export interface ReasonInput {
  file?: string;
  line?: number;
  hint?: string;
  severity?: 'error' | 'warning';
  data?: Record<string, unknown>;
}

/** A reason with its file made relative to the config folder, as every gate output shows it. */
export function reason(rule: string, category: Category, id: GateId | string, message: string, opts: ReasonInput & { root: string }): Reason {
  const file = opts.file === undefined ? undefined : opts.file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(opts.file) ? toPosixRelative(opts.root, opts.file) : opts.file;
  return {
    id,
    severity: opts.severity ?? 'error',
    category,
    rule,
    message,
    ...(file !== undefined ? { file } : {}),
    ...(opts.line !== undefined ? { line: opts.line } : {}),
    ...(opts.hint !== undefined ? { hint: opts.hint } : {}),
    ...(opts.data !== undefined ? { data: opts.data } : {}),
  };
}
