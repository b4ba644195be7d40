import type { Finding, Severity } from '../../core/src/findings.js';
import { findingIds } from './finding-ids.js';

export type FindingId = keyof typeof findingIds;

export interface FindingProps {
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  data?: Record<string, unknown>;
  /** Overrides the id's default severity (a rule that distinguishes the grave case). */
  severity?: Severity;
}

/** A finding of this pillar, with its id's default severity unless told otherwise. */
export function finding(id: FindingId, message: string, props: FindingProps = {}): Finding {
  const f: Finding = { id, severity: props.severity ?? findingIds[id].severity, message };
  if (props.file !== undefined) f.file = props.file;
  if (props.line !== undefined) f.line = props.line;
  if (props.column !== undefined) f.column = props.column;
  if (props.hint !== undefined) f.hint = props.hint;
  if (props.data !== undefined) f.data = props.data;
  return f;
}
