/**
 * What a Rust emit of a formatted name (`format!("agent:{}", x)`) is depends on the whole app:
 * when the sidecar emits events, it re-emits them under its prefix (the join that gives
 * `stream:chunk` its frontend name `agent:stream:chunk`); when the sidecar emits none, there is
 * nothing to re-emit, and the name is known only at run time (`format!("agent-output:{}",
 * run_id)`): an unresolved emit whose name starts with the prefix, reported like any other.
 */
import type { EmitFact, ReemitFact, UnresolvedFact } from '../model.js';

export interface SettledReemits {
  reemits: ReemitFact[];
  /** Formatted emits with nothing to re-emit, as unresolved emits with their prefix. */
  unresolved: UnresolvedFact[];
}

export function settleReemits(reemits: readonly ReemitFact[], emits: readonly EmitFact[]): SettledReemits {
  if (reemits.length === 0 || emits.some((e) => e.side === 'sidecar' && !e.internal)) return { reemits: [...reemits], unresolved: [] };
  return {
    reemits: [],
    unresolved: reemits.map((r) => ({
      kind: 'unresolved',
      role: 'emit',
      expression: r.expression ?? `"${r.prefix}" + …`,
      reason: `only the start of the name is literal ("${r.prefix}"); the rest is known at run time, and the sidecar emits no event this could re-emit`,
      prefix: r.prefix,
      loc: r.loc,
    })),
  };
}
