/**
 * Path resolution the way rustc does it, for the cases contracts meet: `crate::`, `self::`,
 * `super::`, a crate of the workspace by its name, names a module declares, `use` imports and
 * re-exports (`pub use a::b as c`, `pub(crate) use`, globs like `pub use self::app::*`, through
 * any number of modules, in cycles too), names declared or imported by name shadowing glob
 * imports per namespace. Like rustc, imports are settled to a fixpoint first: every module gets
 * a table of what each name means there, and queries are table reads. Privacy is not checked
 * (code that compiles respects it). A path into a crate outside the sources ends as `external`;
 * a name not found where some content is unreadable ends with the reasons why.
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

type Target = { mod: ModNode } | { fn: FnItem } | { type: TypeDecl } | { konst: ConstDecl } | { external: string[] };

interface Entry {
  target: Target;
  glob: boolean;
  /** Brought in by a `use` inside a function body: seen from code in the module only. */
  inFn: boolean;
}

interface GlobUse {
  path: string[];
  inFn: boolean;
  targets: Target[];
}

const empty = (): Hit => ({ mods: [], fns: [], types: [], consts: [], blocked: [] });

function same(a: Target, b: Target): boolean {
  if ('external' in a) return 'external' in b && a.external.join('::') === b.external.join('::');
  if ('mod' in a) return 'mod' in b && a.mod === b.mod;
  if ('fn' in a) return 'fn' in b && a.fn === b.fn;
  if ('type' in a) return 'type' in b && a.type === b.type;
  return 'konst' in b && a.konst === b.konst;
}

const isValue = (t: Target): boolean => 'fn' in t || 'konst' in t || 'external' in t;
const isType = (t: Target): boolean => 'mod' in t || 'type' in t || 'external' in t;

function where(mods: readonly ModNode[]): string {
  return mods.map((m) => (m.segments.length ? `module ${m.segments.join('::')}` : `the root of crate ${m.crate.name}`)).join(', ');
}

function allModules(ns: Namespaces): ModNode[] {
  const out: ModNode[] = [];
  const walk = (m: ModNode): void => {
    out.push(m);
    for (const c of m.children.values()) walk(c);
  };
  for (const root of ns.roots.values()) walk(root);
  return out;
}

export class Resolver {
  private readonly tables = new Map<ModNode, Map<string, Entry[]>>();
  private readonly globs = new Map<ModNode, GlobUse[]>();
  private readonly blockedMemo = new Map<ModNode, { reasons: string[]; externalGlobs: string[][] }>();

  constructor(private readonly ns: Namespaces) {
    const modules = allModules(ns);
    for (const m of modules) this.tables.set(m, this.declared(m));
    // Each round resolves every `use` against the tables so far; tables only grow, so it ends.
    for (let round = 0, changed = true; changed && round < 64; round++) {
      changed = false;
      for (const m of modules) if (this.importInto(m)) changed = true;
    }
  }

  private declared(m: ModNode): Map<string, Entry[]> {
    const table = new Map<string, Entry[]>();
    const add = (name: string, target: Target): void => {
      const list = table.get(name);
      const e = { target, glob: false, inFn: false };
      if (list) list.push(e);
      else table.set(name, [e]);
    };
    for (const [name, child] of m.children) add(name, { mod: child });
    for (const [name, fns] of m.fns) for (const fn of fns) add(name, { fn });
    for (const [name, types] of m.types) for (const type of types) add(name, { type });
    for (const [name, consts] of m.consts) for (const konst of consts) add(name, { konst });
    return table;
  }

  private add(m: ModNode, name: string, e: Entry): boolean {
    const table = this.tables.get(m)!;
    const list = table.get(name);
    if (!list) {
      table.set(name, [e]);
      return true;
    }
    if (list.some((x) => x.glob === e.glob && x.inFn === e.inFn && same(x.target, e.target))) return false;
    list.push(e);
    return true;
  }

  private importInto(m: ModNode): boolean {
    let changed = false;
    const globs: GlobUse[] = [];
    for (const { entry } of m.uses) {
      const targets = this.targets(entry.path, m, entry.name === '*');
      if (entry.name !== '*') {
        for (const target of targets) changed = this.add(m, entry.name, { target, glob: false, inFn: entry.inFn }) || changed;
        continue;
      }
      globs.push({ path: entry.path, inFn: entry.inFn, targets });
      for (const t of targets) {
        if (!('mod' in t) || t.mod === m) continue;
        for (const [name, entries] of this.tables.get(t.mod) ?? []) {
          for (const e of entries) if (!e.inFn) changed = this.add(m, name, { target: e.target, glob: true, inFn: entry.inFn }) || changed;
        }
      }
    }
    this.globs.set(m, globs);
    return changed;
  }

  /** What a name means in a module, explicit names shadowing glob-imported ones per namespace. */
  private entries(m: ModNode, name: string, lexical: boolean): Target[] {
    const list = (this.tables.get(m)?.get(name) ?? []).filter((e) => lexical || !e.inFn);
    const explicit = list.filter((e) => !e.glob);
    const values = explicit.some((e) => isValue(e.target)) ? explicit : list;
    const types = explicit.some((e) => isType(e.target)) ? explicit : list;
    const out: Target[] = [];
    for (const e of [...values.filter((x) => isValue(x.target)), ...types.filter((x) => isType(x.target))]) if (!out.some((t) => same(t, e.target))) out.push(e.target);
    return out;
  }

  /** The targets of a path written in module `from`; `module`: the path names a module (`use x::*`). */
  private targets(segments: readonly string[], from: ModNode, module = false): Target[] {
    if (segments.length === 0) return [];
    let i = 1;
    let current: ModNode[];
    const head = segments[0]!;
    if (head === 'crate' || head === '$crate') current = [this.ns.root(from.crate)];
    else if (head === 'self') current = [from];
    else if (head === 'super') {
      let m: ModNode | undefined = from.parent;
      while (segments[i] === 'super' && m) {
        m = m.parent;
        i++;
      }
      if (!m) return [];
      current = [m];
    } else if (head === '') {
      const crate = this.ns.crateNamed(segments[1] ?? '');
      if (!crate) return [{ external: segments.slice(1) }];
      current = [crate];
      i = 2;
    } else {
      const first = this.entries(from, head, true);
      if (segments.length === 1 && (first.length > 0 || !module)) return first;
      const ext = first.find((t): t is { external: string[] } => 'external' in t);
      current = first.flatMap((t) => ('mod' in t ? [t.mod] : []));
      if (current.length === 0 && ext) return [{ external: [...ext.external, ...segments.slice(1)] }];
      if (current.length === 0) {
        // Not a name in scope: a crate of the workspace, else one outside the sources.
        const crate = this.ns.crateNamed(head) ?? this.ns.root(from.crate).children.get(head);
        if (!crate) return [{ external: [...segments] }];
        current = [crate];
      }
    }
    for (; i < segments.length - 1; i++) {
      const seg = segments[i]!;
      const next: ModNode[] = [];
      for (const m of current) {
        for (const t of this.entries(m, seg, false)) {
          if ('external' in t) return [{ external: [...t.external, ...segments.slice(i + 1)] }];
          if ('mod' in t && !next.includes(t.mod)) next.push(t.mod);
        }
      }
      if (next.length === 0) return [];
      current = next;
    }
    if (i >= segments.length) return current.map((mod) => ({ mod }));
    return current.flatMap((m) => this.entries(m, segments[segments.length - 1]!, false));
  }

  /** Why names may exist in a module that were not seen: its own unreadable content and its globs'. */
  private blockedIn(m: ModNode, stack: Set<ModNode> = new Set()): { reasons: string[]; externalGlobs: string[][] } {
    const known = this.blockedMemo.get(m);
    if (known) return known;
    const out = { reasons: [...m.opaque], externalGlobs: [] as string[][] };
    if (stack.has(m)) return out;
    stack.add(m);
    for (const g of this.globs.get(m) ?? []) {
      const glob = `${g.path.join('::')}::*`;
      if (g.targets.length === 0) out.reasons.push(`the glob import \`${glob}\`, which cannot be followed`);
      for (const t of g.targets) {
        if ('external' in t) {
          out.reasons.push(`the glob import \`${glob}\` of a crate outside the sources`);
          out.externalGlobs.push(t.external);
        } else if ('mod' in t && t.mod !== m) {
          const inner = this.blockedIn(t.mod, stack);
          for (const r of inner.reasons) if (!out.reasons.includes(r)) out.reasons.push(r);
          out.externalGlobs.push(...inner.externalGlobs);
        }
      }
    }
    stack.delete(m);
    if (stack.size === 0) this.blockedMemo.set(m, out);
    return out;
  }

  private hitOf(targets: readonly Target[], blockedFrom: readonly ModNode[], name: string): Hit {
    const hit = empty();
    for (const t of targets) {
      if ('mod' in t) hit.mods.push(t.mod);
      else if ('fn' in t) hit.fns.push(t.fn);
      else if ('type' in t) hit.types.push(t.type);
      else if ('konst' in t) hit.consts.push(t.konst);
      else hit.external ??= t.external;
    }
    if (targets.length === 0 && blockedFrom.length > 0) {
      for (const m of blockedFrom) {
        const b = this.blockedIn(m);
        for (const r of b.reasons) if (!hit.blocked.includes(r)) hit.blocked.push(r);
        if (b.externalGlobs.length) (hit.externalGlobs ??= []).push(...b.externalGlobs);
      }
      hit.missing = `no \`${name}\` in ${where(blockedFrom)}`;
      hit.trail = { mod: blockedFrom[0]!, name };
    }
    return hit;
  }

  /** What `name` means in module `mod` (`lexical`: seen from code in it, function-level imports included). */
  lookup(mod: ModNode, name: string, lexical: boolean): Hit {
    return this.hitOf(this.entries(mod, name, lexical), [mod], name);
  }

  /** Resolves a path written in `scope` (a `use` path, a path in code, a `generate_handler!` entry). */
  resolve(segments: readonly string[], scope: ModuleScope): Hit {
    const from = scope.mod;
    const name = segments[segments.length - 1];
    if (!from || name === undefined) return empty();
    const targets = this.targets(segments, from);
    if (targets.length > 0) return this.hitOf(targets, [], name);
    // Nothing: say where the search ended (the deepest module the path reached), and what there could hide the rest.
    let up: ModNode | undefined = from;
    for (let i = 0; segments[i] === 'super'; i++) up = up?.parent;
    if (!up) return { ...empty(), missing: '`super` goes above the crate root' };
    for (let k = segments.length - 1; k >= 1; k--) {
      const prefix = this.targets(segments.slice(0, k), from);
      const ext = prefix.find((t): t is { external: string[] } => 'external' in t);
      if (ext) return { ...empty(), external: [...ext.external, ...segments.slice(k)] };
      const mods = prefix.flatMap((t) => ('mod' in t ? [t.mod] : []));
      if (mods.length > 0) return this.hitOf([], mods, segments[k]!);
    }
    return this.hitOf([], [from], segments[0]!);
  }
}
