/**
 * The corpus counter's Rust module tree: crates from Cargo.toml, `mod` declarations to files (or
 * inline blocks), and paths resolved through `use`, `pub use`, glob re-exports and `as` aliases,
 * in the order rustc looks names up for the cases the corpus has. Independent of cutover's resolver.
 */
import fs from 'node:fs';
import path from 'node:path';

const posix = path.posix;

function cargoCrates(appDir, cargoFiles) {
  const crates = [];
  for (const rel of cargoFiles) {
    const text = fs.readFileSync(path.join(appDir, rel), 'utf8');
    const section = (name) => (new RegExp(`^\\[${name}\\]([^\\[]*)`, 'm').exec(text) ?? [])[1] ?? '';
    const pkg = /^\s*name\s*=\s*"([^"]+)"/m.exec(section('package'))?.[1];
    if (!pkg) continue;
    const lib = /^\s*name\s*=\s*"([^"]+)"/m.exec(section('lib'))?.[1] ?? pkg;
    crates.push({ dir: posix.dirname(rel) === '.' ? '' : posix.dirname(rel), pkg, lib: lib.replace(/-/g, '_') });
  }
  return crates;
}

/** Builds the module tree of every crate; `files` maps a relative path to its scan. */
export function buildModules(appDir, files, cargoFiles) {
  const crates = cargoCrates(appDir, cargoFiles);
  const modules = new Map();
  const fileMods = new Map();
  const add = (crate, modPath, file, inline) => {
    const key = `${crate.lib}::${modPath.join('::')}`;
    if (modules.has(key)) return;
    const m = { key, crate, path: modPath, file, inline };
    modules.set(key, m);
    const scan = files.get(file);
    if (!scan) return;
    (fileMods.get(file) ?? fileMods.set(file, []).get(file)).push(m);
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    for (const d of scan.mods.filter((x) => same(x.inline, inline))) {
      if (d.body) { add(crate, [...modPath, d.name], file, [...inline, d.name]); continue; }
      const stem = posix.basename(file, '.rs');
      const base = ['mod', 'lib', 'main'].includes(stem) && inline.length === 0 ? posix.dirname(file) : posix.join(posix.dirname(file), ...(['mod', 'lib', 'main'].includes(stem) ? [] : [stem]), ...inline);
      const candidates = d.path ? [posix.join(posix.dirname(file), d.path)] : [posix.join(base, `${d.name}.rs`), posix.join(base, d.name, 'mod.rs')];
      const target = candidates.find((c) => files.has(c));
      if (target) add(crate, [...modPath, d.name], target, []);
      else modules.set(`${crate.lib}::${[...modPath, d.name].join('::')}`, { key: `${crate.lib}::${[...modPath, d.name].join('::')}`, crate, path: [...modPath, d.name], file: undefined, missing: candidates });
    }
  };
  for (const crate of crates) {
    const src = crate.dir ? `${crate.dir}/src` : 'src';
    for (const root of ['lib.rs', 'main.rs']) if (files.has(`${src}/${root}`)) add(root === 'main.rs' && files.has(`${src}/lib.rs`) ? { ...crate, lib: `${crate.lib}#bin` } : crate, [], `${src}/${root}`, []);
  }
  return { crates, modules, fileMods };
}

const itemsOf = (m, files, kind) => {
  const scan = m.file && files.get(m.file);
  if (!scan) return [];
  const same = (x) => x.inline.length === m.inline.length && x.inline.every((s, i) => s === m.inline[i]);
  return scan[kind].filter(same);
};

/** Resolves a path written in module `from` to its targets: `{ kind: 'fn', fn, module }` or `{ kind: 'mod', module }`. */
export function resolvePath(tree, files, from, segs) {
  const { modules, crates } = tree;
  const crateRoot = (lib) => modules.get(`${lib}::`);
  const parent = (m) => modules.get(`${m.crate.lib}::${m.path.slice(0, -1).join('::')}`);

  const lookup = (m, name, last, seen) => {
    const id = `${m.key}|${name}|${last}`;
    if (seen.has(id)) return [];
    seen.add(id);
    // Modules live in the type namespace and fns in the value namespace: `mod screenshot;` and a
    // glob-imported `fn screenshot` do not shadow each other.
    const found = [];
    const child = last ? undefined : modules.get(`${m.crate.lib}::${[...m.path, name].join('::')}`);
    if (child) found.push({ kind: 'mod', module: child });
    if (last) for (const fn of itemsOf(m, files, 'fns').filter((f) => f.name === name)) found.push({ kind: 'fn', fn, module: m });
    if (found.length) return found;
    for (const u of itemsOf(m, files, 'uses').filter((u) => !u.glob && (u.alias ?? u.path.at(-1)) === name)) {
      const p = u.path.at(-1) === 'self' ? u.path.slice(0, -1) : u.path;
      found.push(...walk(m, p, seen, last));
    }
    if (found.length) return found;
    for (const u of itemsOf(m, files, 'uses').filter((u) => u.glob)) {
      for (const t of walk(m, u.path, seen, false)) if (t.kind === 'mod') found.push(...lookup(t.module, name, last, seen));
    }
    return found;
  };

  const walk = (m, p, seen, lastIsFn) => {
    if (!p.length) return [{ kind: 'mod', module: m }];
    let cur;
    const [first, ...rest] = p;
    if (first === 'crate') cur = [{ kind: 'mod', module: crateRoot(m.crate.lib) }];
    else if (first === 'self') cur = [{ kind: 'mod', module: m }];
    else if (first === 'super') cur = [{ kind: 'mod', module: parent(m) }];
    else {
      cur = lookup(m, first, rest.length === 0 && lastIsFn, seen);
      if (!cur.length) {
        const c = crates.find((x) => x.lib === first);
        if (c && crateRoot(c.lib)) cur = [{ kind: 'mod', module: crateRoot(c.lib) }];
      }
    }
    cur = cur.filter((t) => t.module);
    for (let i = 0; i < rest.length; i++) {
      const last = i === rest.length - 1;
      cur = cur.flatMap((t) => (t.kind === 'mod' ? (rest[i] === 'super' ? [{ kind: 'mod', module: parent(t.module) }] : lookup(t.module, rest[i], last && lastIsFn, new Set())) : []));
    }
    return cur;
  };
  return walk(from, segs, new Set(), true);
}

/** The module a line of a file belongs to (the innermost inline `mod` block is not tracked by line; the file's module is). */
export function moduleOfFile(tree, file, inline = []) {
  return (tree.fileMods.get(file) ?? []).find((m) => m.inline.length === inline.length && m.inline.every((s, i) => s === inline[i]));
}
