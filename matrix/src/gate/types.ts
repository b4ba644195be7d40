import type { LoadedConfig } from '../../../core/src/config/index.js';
import type { Finding } from '../../../core/src/findings.js';
import type { OsName } from '../matrix-file/types.js';
import type { MatrixSettings } from '../settings.js';
import type { GateInputs } from './inputs.js';

/** Ranked in this order: what cannot be read first, then contract, matrix, tasks, evidence, sign-offs. */
export const CATEGORIES = ['internal', 'inputs', 'contract', 'matrix', 'tasks', 'evidence', 'signoffs'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A reason the gate blocks (severity error) or a note it shows without blocking (warning). */
export interface Reason extends Finding {
  category: Category;
  /** The rule that found it. */
  rule: string;
}

export interface GateContext {
  loaded: LoadedConfig;
  settings: MatrixSettings;
  /** Operating systems whose matrix cells are required (default: every os the matrix declares). */
  scopeOs: OsName[] | undefined;
  inputs: GateInputs;
}

export interface RuleOutcome {
  reasons: Reason[];
  /** Set when the rule did not apply (its pillar is not configured): shown, never a pass by silence. */
  skipped?: string;
  /** One line for the verdict: what the rule looked at. */
  note?: string;
}

/** One gate rule, one file under `gate/rules/`, listed in `gate/registry.ts`. */
export interface GateRule {
  id: string;
  category: Category;
  description: string;
  run(ctx: GateContext): Promise<RuleOutcome>;
}

export type RuleStatus = 'ok' | 'blocked' | 'skipped' | 'error';

export interface RuleReport {
  id: string;
  category: Category;
  status: RuleStatus;
  note?: string;
  blocking: number;
}
