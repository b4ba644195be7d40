import type { CheckProblem, ValidationInput } from '../types.js';
import { stepOf } from './registry.js';
import type { LifecycleSpec } from './types.js';

/**
 * What can be told before anything runs: the targets steps name exist and are started before a
 * step acts on them, names a step compares with were captured earlier, patterns compile.
 */
export function validateLifecycle(spec: LifecycleSpec, input: ValidationInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  if (input.rowTarget !== undefined) {
    problems.push({ path: [], message: `a lifecycle check starts its targets itself (a start step); remove the row's target "${input.rowTarget}"` });
  }
  const started: string[] = [];
  const bound: string[] = [];
  spec.steps.forEach((step, i) => {
    const s = stepOf(step);
    if (!s) return;
    const at = (message: string) => problems.push({ path: ['steps', i, s.kind.key], message });
    const named = s.kind.targetOf?.(s.value);
    if (named !== undefined && !input.targets.includes(named)) at(`unknown target "${named}" (defined: ${input.targets.join(', ') || 'none'})`);
    else if (s.kind.needsTarget && named === undefined && started.length === 0) at(`${s.kind.key} acts on a target, but no step before it starts one`);
    else if (s.kind.needsTarget && named !== undefined && !started.includes(named)) at(`${s.kind.key} acts on target "${named}", which no step before it starts`);
    for (const message of s.kind.validate?.(s.value, { targets: input.targets, started, bound }) ?? []) at(message);
    const starts = s.kind.starts?.(s.value);
    if (starts !== undefined) started.push(starts);
    const binds = s.kind.binds?.(s.value);
    if (binds !== undefined) bound.push(binds);
  });
  return problems;
}
