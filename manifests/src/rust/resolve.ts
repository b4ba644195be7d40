/**
 * Name resolution for types and constants (serde schemas, event names): the resolver's answer,
 * then two lenient fallbacks for names it cannot place (a name no import explains, a path
 * through content it cannot read): a declaration of that name anywhere in the sources, when
 * that is the only one, or the first one for a bare name. Paths into other crates resolve to
 * `external`, so the crate's own `Value` never shadows `serde_json::Value`. A const path may end in
 * an associated const (`Events::SAVED`).
 */
import type { CrateIndex } from './crate-index.js';
import type { ModuleScope } from './items.js';
import type { ConstDecl, TypeDecl } from './namespace.js';

export type Resolved<T> = { decl: T } | { external: string[] } | { missing: true };

/** Names from the prelude: a bare use of them never means some other crate type of that name. */
const PRELUDE = new Set(['Option', 'Result', 'Vec', 'String', 'Box', 'Some', 'None', 'Ok', 'Err']);

/**
 * `Type::NAME` (also `Self::NAME` once `Self` is replaced): a const of an `impl` block of that
 * type, the type found by the same resolution as any path, and the `impl`'s own type written
 * where the impl is.
 */
function associatedConst(index: CrateIndex, segments: readonly string[], scope: ModuleScope): ConstDecl | undefined {
  const candidates = index.assocConsts.get(segments[segments.length - 1]!);
  if (!candidates) return undefined;
  const type = resolveName(index, 'types', segments.slice(0, -1), scope);
  if (!('decl' in type)) return undefined;
  return candidates.find((c) => {
    const owner = resolveName(index, 'types', c.owner!, c.scope);
    return 'decl' in owner && owner.decl === type.decl;
  });
}

export function resolveName(index: CrateIndex, kind: 'types', segments: readonly string[], scope: ModuleScope): Resolved<TypeDecl>;
export function resolveName(index: CrateIndex, kind: 'consts', segments: readonly string[], scope: ModuleScope): Resolved<ConstDecl>;
export function resolveName(index: CrateIndex, kind: 'types' | 'consts', segments: readonly string[], scope: ModuleScope): Resolved<TypeDecl | ConstDecl> {
  const name = segments[segments.length - 1];
  if (name === undefined) return { missing: true };
  const hit = index.resolver.resolve(segments, scope);
  const decls = kind === 'types' ? hit.types : hit.consts;
  if (decls[0] !== undefined) return { decl: decls[0] };
  const assoc = kind === 'consts' && segments.length > 1 ? associatedConst(index, segments, scope) : undefined;
  if (assoc) return { decl: assoc };
  if (hit.external) return { external: hit.external };
  const candidates: Array<TypeDecl | ConstDecl> = index[kind].get(name) ?? [];
  if (segments.length > 1) return candidates.length === 1 ? { decl: candidates[0]! } : { missing: true };
  if (PRELUDE.has(name)) return { missing: true };
  return candidates[0] !== undefined ? { decl: candidates[0] } : { missing: true };
}
