/** One `cutover check` rule: producers against consumers, over the extracted facts. */
import type { Finding } from '../../../core/src/findings.js';
import type { FactIndex } from '../build/index-facts.js';
import type { FindingId } from '../finding.js';

export interface RuleContext {
  facts: FactIndex;
}

export interface Rule {
  /** The finding id it reports (declared in finding-ids.ts). */
  id: FindingId;
  description: string;
  check(ctx: RuleContext): Finding[];
}
