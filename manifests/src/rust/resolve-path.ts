/**
 * Path resolution the way rustc does it, for the cases contracts meet: `crate::`, `self::`,
 * `super::`, a crate of the workspace by its name, names a module declares, `use` imports and
 * re-exports (`pub use a::b as c`, `pub(crate) use`, globs like `pub use self::app::*`, followed
 * through any number of modules), names declared explicitly shadowing glob imports. Privacy is
 * not checked (code that compiles respects it). A path into a crate outside the sources ends as
 * `external`; a name not found where some content is unreadable ends with the reasons why.
 */
import type { FnItem, ModuleScope } from './items.js';
import type { ConstDecl, ModNode, Namespaces, TypeDecl } from './namespace.js';

export interface Hit {
  mods: ModNode[];
  fns: FnItem[];
  types: TypeDecl[];
  consts: ConstDecl[];
  /** The path leads into a crate that is not among the sources. */
  external?: string[];
  /** Why the name may exist where it was not seen. */
  blocked: string[];
  /** Where the search ended with nothing: `no module \`x\` in commands`. */
  missing?: string;
  /** Glob imports of crates outside the sources the name may come from (`tauri::*`). */
  externalGlobs?: string[][];
  /** Where a name was looked for last when nothing was found: the module and the name. */
  trail?: { mod: ModNode; name: string };
}

const empty = (): Hit => ({ mods: [], fns: [], types: [], consts: [], blocked: [] });

function found(h: Hit): boolean {
  return h.mods.length + h.fns.length + h.types.length + h.consts.length > 0;
}

function merge(into: Hit, from: Hit): void {
  for (const m of from.mods) if (!into.mods.includes(m)) into.mods.push(m);
  for (const f of from.fns) if (!into.fns.includes(f)) into.fns.push(f);
  for (const t of from.types) if (!into.types.includes(t)) into.types.push(t);
  for (const c of from.consts) if (!into.consts.includes(c)) into.consts.push(c);
  if (from.external && !into.external) into.external = from.external;
  if (from.externalGlobs) (into.externalGlobs ??= []).push(...from.externalGlobs);
  if (from.trail && !into.trail) into.trail = from.trail;
  if (from.missing && !into.missing) into.missing = from.missing;
  for (const b of from.blocked) if (!into.blocked.includes(b)) into.blocked.push(b);
}

function where(mods: readonly ModNode[]): string {
  return mods.map((m) => (m.segments.length ? `module ${m.segments.join('::')}` : `the root of crate ${m.crate.name}`)).join(', ');
}

function modId(m: ModNode): string {
  return `${m.crate.dir}\0${m.segments.join('::')}`;
}

export class Resolver {
  constructor(private readonly ns: Namespaces) {}

  /**
   * What `name` means in module `mod`: declared there, imported by name, or reached through a
   * glob import. `lexical` adds the imports written inside function bodies (a lookup from code
   * in the module); a lookup through a path (`m::name`) sees only module-level ones.
   */
  lookup(mod: ModNode, name: string, lexical: boolean, seen: Set<string> = new Set()): Hit {
    const key = `${modId(mod)}\0${name}\0${lexical}`;
    const hit = empty();
    if (seen.has(key)) return hit;
    seen.add(key);
    const child = mod.children.get(name);
    if (child) hit.mods.push(child);
    hit.fns.push(...(mod.fns.get(name) ?? []));
    hit.types.push(...(mod.types.get(name) ?? []));
    hit.consts.push(...(mod.consts.get(name) ?? []));
    for (const u of mod.uses) {
      if (u.entry.name !== name || (u.entry.inFn && !lexical)) continue;
      merge(hit, this.resolve(u.entry.path, u.scope, seen));
    }
    if (found(hit) || hit.external) return hit;
    for (const u of mod.uses) {
      if (u.entry.name !== '*' || (u.entry.inFn && !lexical)) continue;
      const target = this.resolve(u.entry.path, u.scope, seen);
      for (const m of target.mods) merge(hit, this.lookup(m, name, false, seen));
      const glob = `${u.entry.path.join('::')}::*`;
      if (target.external) {
        hit.blocked.push(`the glob import \`${glob}\` of a crate outside the sources`);
        (hit.externalGlobs ??= []).push(target.external);
      }
      else if (target.mods.length === 0) hit.blocked.push(`the glob import \`${glob}\`, which cannot be followed`);
    }
    if (!found(hit)) hit.blocked.push(...mod.opaque);
    return hit;
  }

  /** Resolves a path written in `scope` (a `use` path, a path in code, a `generate_handler!` entry). */
  resolve(segments: readonly string[], scope: ModuleScope, seen: Set<string> = new Set()): Hit {
    const here = scope.mod;
    if (!here || segments.length === 0) return empty();
    let i = 1;
    let current: ModNode[];
    const head = segments[0]!;
    if (head === 'crate' || head === '$crate') current = [this.ns.root(here.crate)];
    else if (head === 'self') current = [here];
    else if (head === 'super') {
      let m: ModNode | undefined = here.parent;
      while (segments[i] === 'super' && m) {
        m = m.parent;
        i++;
      }
      if (!m) return { ...empty(), blocked: ['`super` goes above the crate root'] };
      current = [m];
    } else if (head === '') {
      const crate = this.ns.crateNamed(segments[1] ?? '');
      if (!crate) return { ...empty(), external: segments.slice(1) };
      current = [crate];
      i = 2;
    } else {
      const first = this.lookup(here, head, true, seen);
      if (segments.length === 1) return first;
      if (first.external) return { ...empty(), external: [...first.external, ...segments.slice(1)] };
      current = first.mods;
      if (current.length === 0) {
        const crate = this.ns.crateNamed(head) ?? this.ns.root(here.crate).children.get(head);
        // Not a name in scope: an extern crate (one outside the sources, when not one of the workspace's).
        if (crate) current = [crate];
        else return { ...empty(), external: [...segments], blocked: first.blocked };
      }
    }
    if (i >= segments.length) return { ...empty(), mods: current };
    for (; i < segments.length - 1; i++) {
      const next = empty();
      for (const m of current) merge(next, this.lookup(m, segments[i]!, false, seen));
      if (next.external) return { ...empty(), external: [...next.external, ...segments.slice(i + 1)] };
      if (next.mods.length === 0) {
        return { ...empty(), blocked: next.blocked, missing: `no module \`${segments[i]}\` in ${where(current)}` };
      }
      current = next.mods;
    }
    const name = segments[segments.length - 1]!;
    const last = empty();
    for (const m of current) merge(last, this.lookup(m, name, false, seen));
    if (!found(last) && !last.external) {
      last.missing = `no \`${name}\` in ${where(current)}`;
      last.trail = { mod: current[0]!, name };
    }
    return last;
  }
}
