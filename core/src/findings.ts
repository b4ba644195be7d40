/**
 * Findings are data: every pillar returns them, the CLI prints them, the gate counts them.
 * Ids are declared per pillar (see `catalog.ts` for the one list of all of them).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** What to do about it. */
  hint?: string;
  /** Machine-readable extras (command name, json path, …). */
  data?: Record<string, unknown>;
}

export interface FindingDefinition {
  id: string;
  severity: Severity;
  /** One line: what the finding means, for docs and `--explain`. */
  description: string;
}

export function defineFindings<const T extends Record<string, Omit<FindingDefinition, 'id'>>>(
  defs: T,
): { [K in keyof T]: FindingDefinition & { id: K & string } } {
  const out = {} as Record<string, FindingDefinition>;
  for (const [id, def] of Object.entries(defs)) out[id] = { id, ...def };
  return out as { [K in keyof T]: FindingDefinition & { id: K & string } };
}

/** Where a finding points, and what else it carries. */
export interface FindingProps {
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  data?: Record<string, unknown>;
  /** Overrides the id's declared severity (a rule that tells the grave case apart). */
  severity?: Severity;
}

/**
 * A pillar's finding constructor: `make('missing-handler', message, { file, line, hint })`, with
 * the severity declared for the id. Absent props stay absent, so JSON output carries no undefineds.
 */
export function findingMaker<D extends Record<string, FindingDefinition>>(defs: D) {
  return (id: keyof D & string, message: string, props: FindingProps = {}): Finding => {
    const f: Finding = { id, severity: props.severity ?? defs[id]!.severity, message };
    if (props.file !== undefined) f.file = props.file;
    if (props.line !== undefined) f.line = props.line;
    if (props.column !== undefined) f.column = props.column;
    if (props.hint !== undefined && props.hint !== '') f.hint = props.hint;
    if (props.data !== undefined) f.data = props.data;
    return f;
  };
}

/** The same, positional: `make(id, file, line, message, hint?, data?)`, for findings that always have a place. */
export function locatedFindingMaker<D extends Record<string, FindingDefinition>>(defs: D) {
  const make = findingMaker(defs);
  return (id: keyof D & string, file: string, line: number | undefined, message: string, hint?: string, data?: Record<string, unknown>): Finding =>
    make(id, message, { file, line, hint, data });
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: severity, file, line, id, message — so reports diff cleanly. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.id.localeCompare(b.id) ||
      a.message.localeCompare(b.message),
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
