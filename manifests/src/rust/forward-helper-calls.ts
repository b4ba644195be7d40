/**
 * Joins forward helpers with their calls once every file is read: a helper is a function whose
 * forward call names the command by its parameter (forward-helper.ts); a call of it (same name,
 * as many arguments as it has parameters) is handed to `visit`, which says whether it forwards.
 */
import type { CrateIndex } from './crate-index.js';
import type { PendingForward, PendingHelperCall } from './items.js';

type Helper = NonNullable<PendingForward['helper']>;

/** Visits every call of every helper; returns the names of the helpers some call reached. */
export function helperForwards(index: CrateIndex, visit: (call: PendingHelperCall, helper: Helper, file: string) => boolean): Set<string> {
  const helpers = new Map<string, { helper: Helper; arity: number }>();
  for (const file of index.files) {
    for (const f of file.data?.forwards ?? []) if (f.helper && f.fn) helpers.set(f.helper.name, { helper: f.helper, arity: f.fn.paramNames?.length ?? -1 });
  }
  const reached = new Set<string>();
  if (helpers.size === 0) return reached;
  for (const file of index.files) {
    for (const call of file.data?.helperCalls ?? []) {
      const h = helpers.get(call.callee);
      // The helper's own forward call, or a call of another function of the same name and another shape, is none of its calls.
      if (!h || call.args.length !== h.arity || call.fn?.name === h.helper.name) continue;
      if (visit(call, h.helper, file.source.rel)) reached.add(h.helper.name);
    }
  }
  return reached;
}
