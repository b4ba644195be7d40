/**
 * The one join over every file's facts: a wrapper's inner call (whose name is one of the
 * wrapper's parameters) is reported as unresolved only when no call of the wrapper was found
 * anywhere. Facts are cached per file, so this runs after the cache, over all of them.
 */
import type { Fact } from '../model.js';

/** Set on a fact reached through a wrapper: the wrapper's inner call, and a configured wrapper's name. */
export interface Traced {
  via?: string;
  viaName?: string;
}

/** An unresolved inner call of a wrapper, dropped when some call of the wrapper was found. */
export interface WrapperPlaceholder {
  wrapper: { key: string; name: string };
}

/**
 * Says that a wrapper's inner call was reached from a call site whose name its condition lets
 * not through (`if (cmd.startsWith('plugin:')) return invoke(cmd)` called with `cmd_x`): the call
 * is accounted for, so its placeholder goes, and the marker itself is never a fact.
 */
export interface ReachMarker {
  reached: string;
}

export interface Reached {
  keys: Set<string>;
  names: Set<string>;
}

/** The wrapper inner calls and configured wrapper names some fact was reached through. */
export function reachedOf(facts: readonly Fact[]): Reached {
  const r: Reached = { keys: new Set(), names: new Set() };
  for (const f of facts as (Fact & Traced & Partial<ReachMarker>)[]) {
    if (f.via) r.keys.add(f.via);
    if (f.viaName) r.names.add(f.viaName);
    if (f.reached) r.keys.add(f.reached);
  }
  return r;
}

export function settleWrappers(facts: readonly Fact[], reached: Reached = reachedOf(facts)): Fact[] {
  const out: Fact[] = [];
  for (const f of facts as (Fact & Traced & Partial<WrapperPlaceholder> & Partial<ReachMarker>)[]) {
    if (f.reached !== undefined) continue;
    if (f.wrapper && (reached.keys.has(f.wrapper.key) || reached.names.has(f.wrapper.name))) continue;
    if (f.via === undefined && f.viaName === undefined && f.wrapper === undefined) {
      out.push(f);
      continue;
    }
    const { via: _v, viaName: _n, wrapper: _w, ...plain } = f;
    out.push(plain as Fact);
  }
  return out;
}
