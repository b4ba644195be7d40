/**
 * Name resolution, as far as it matters for contracts: which crate declaration a type or
 * constant name in some module refers to. Follows `use` imports (including globs), `crate::`,
 * `self::` and `super::`, then falls back to the first declaration of that name in the crate
 * (files sorted by path), since re-exports are not followed. Paths into other crates resolve to
 * `external`, so the crate's own `Value` never shadows `serde_json::Value`.
 */
import type { CrateIndex } from './crate-index.js';
import { importsOf, type ModuleScope } from './file-index.js';

export type Resolved<T> = { decl: T } | { external: string[] } | { missing: true };

/** Names from the prelude: a bare use of them never means some other crate type of that name. */
const PRELUDE = new Set(['Option', 'Result', 'Vec', 'String', 'Box', 'Some', 'None', 'Ok', 'Err']);

function isLocalRoot(index: CrateIndex, head: string): boolean {
  return head === 'crate' || head === 'self' || head === 'super' || index.modules.has(head);
}

/** An absolute module path for `segments` (a module prefix) seen from `scope`, or undefined if external. */
function absolute(index: CrateIndex, segments: readonly string[], scope: ModuleScope, depth = 0): string[] | undefined {
  const [head, ...rest] = segments;
  if (head === undefined) return [...scope.segments];
  if (head === 'crate') return rest;
  if (head === 'self') return [...scope.segments, ...rest];
  if (head === 'super') {
    let base = scope.segments.slice(0, -1);
    let tail = rest;
    while (tail[0] === 'super') {
      base = base.slice(0, -1);
      tail = tail.slice(1);
    }
    return [...base, ...tail];
  }
  const imported = importsOf(scope).names.get(head);
  if (imported && depth < 8) {
    if (!isLocalRoot(index, imported[0] ?? '')) return undefined;
    const base = absolute(index, imported, scope, depth + 1);
    return base ? [...base, ...rest] : undefined;
  }
  const relative = [...scope.segments, ...segments];
  if (index.modules.has(relative.join('::'))) return relative;
  if (index.modules.has(segments.join('::'))) return [...segments];
  return undefined;
}

interface Named {
  name: string;
  module: string[];
}

function inModule<T extends Named>(candidates: readonly T[], module: readonly string[]): T | undefined {
  const key = module.join('::');
  return candidates.find((c) => c.module.join('::') === key);
}

export function resolveName<T extends Named>(
  index: CrateIndex,
  table: Map<string, T[]>,
  segments: readonly string[],
  scope: ModuleScope,
): Resolved<T> {
  const name = segments[segments.length - 1];
  if (name === undefined) return { missing: true };
  const candidates = table.get(name) ?? [];
  if (segments.length > 1) {
    const module = absolute(index, segments.slice(0, -1), scope);
    if (!module) return { external: [...segments] };
    const hit = inModule(candidates, module);
    if (hit) return { decl: hit };
    return candidates.length === 1 ? { decl: candidates[0]! } : { missing: true };
  }
  const imported = importsOf(scope).names.get(name);
  if (imported) {
    if (!isLocalRoot(index, imported[0] ?? '')) return { external: imported };
    const module = absolute(index, imported.slice(0, -1), scope);
    const target = imported[imported.length - 1] ?? name;
    const hit = module ? inModule(table.get(target) ?? [], module) : undefined;
    if (hit) return { decl: hit };
  }
  const here = inModule(candidates, scope.segments);
  if (here) return { decl: here };
  for (const glob of importsOf(scope).globs) {
    if (glob[0] === 'super' && glob.length === 1 && scope.parent) {
      const up = resolveName(index, table, segments, scope.parent);
      if ('decl' in up) return up;
      continue;
    }
    const module = absolute(index, glob, scope);
    const hit = module ? inModule(candidates, module) : undefined;
    if (hit) return { decl: hit };
  }
  if (PRELUDE.has(name)) return { missing: true };
  return candidates[0] !== undefined ? { decl: candidates[0] } : { missing: true };
}

/**
 * The crate-absolute path of an item named by `segments` in `scope` (`crate::`, `self::`,
 * `super::` and imports expanded), as written when it cannot be placed in the crate.
 * `holds` tells whether a module declares the name (to place a bare name among glob imports).
 */
export function absoluteItemPath(index: CrateIndex, segments: readonly string[], scope: ModuleScope, holds: (module: string[], name: string) => boolean): string[] {
  const name = segments[segments.length - 1];
  if (name === undefined) return [];
  if (segments.length > 1) {
    const module = absolute(index, segments.slice(0, -1), scope);
    return module ? [...module, name] : [...segments];
  }
  const imported = importsOf(scope).names.get(name);
  if (imported) {
    const module = absolute(index, imported.slice(0, -1), scope);
    return module ? [...module, imported[imported.length - 1] ?? name] : imported;
  }
  if (holds(scope.segments, name)) return [...scope.segments, name];
  for (const glob of importsOf(scope).globs) {
    const module = absolute(index, glob, scope);
    if (module && holds(module, name)) return [...module, name];
  }
  return [...scope.segments, name];
}
