/**
 * Which crate each Rust file belongs to, the way cargo decides: the nearest `Cargo.toml` with a
 * `[package]` above it (its `[lib] name`/`path` and `[[bin]] path` honoured), else the folder
 * holding its `src/`. A crate's roots are its lib and binaries (plus build script, tests,
 * examples and benches, each of which cargo builds as a crate of its own).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';

export interface Crate {
  /** The package folder, relative to the manifests root ('' for the root itself). */
  dir: string;
  /** The library's crate name (`tauri-plugin-x` → `tauri_plugin_x`): how other crates name it. */
  name: string;
  /** Crate root files, relative to the manifests root, library first. */
  roots: string[];
}

interface Manifest {
  package?: { name?: unknown };
  lib?: { name?: unknown; path?: unknown };
  bin?: Array<{ path?: unknown }>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function join(dir: string, rel: string): string {
  return path.posix.normalize(dir ? `${dir}/${rel}` : rel);
}

function readManifest(file: string): Manifest | undefined {
  try {
    const doc = parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return doc.package ? doc : undefined;
  } catch {
    // A Cargo.toml that cannot be read says nothing; the folder layout still does.
    return undefined;
  }
}

const DEFAULT_ROOTS = ['src/lib.rs', 'src/main.rs', 'build.rs'];
/** Folders whose every `.rs` (or `x/main.rs`) is a crate root of its own. */
const ROOT_FOLDERS = ['src/bin', 'tests', 'examples', 'benches'];

function normalName(name: string): string {
  return name.replace(/-/g, '_');
}

export class CrateFinder {
  private readonly byDir = new Map<string, Crate | null>();

  constructor(private readonly root: string) {}

  /** The crate of a file (relative POSIX path). */
  crateOf(rel: string): Crate {
    for (let dir = path.posix.dirname(rel); ; dir = path.posix.dirname(dir)) {
      const d = dir === '.' ? '' : dir;
      const found = this.packageAt(d);
      if (found) return found;
      if (d === '') break;
    }
    return this.fallback(rel);
  }

  /** Whether a file is a crate root by cargo's conventions (`src/bin/x.rs`, `tests/y.rs`, …). */
  isRoot(crate: Crate, rel: string): boolean {
    if (crate.roots.includes(rel)) return true;
    const under = crate.dir ? rel.slice(crate.dir.length + 1) : rel;
    return ROOT_FOLDERS.some((f) => under.startsWith(`${f}/`) && (/^[^/]+\.rs$/.test(under.slice(f.length + 1)) || /^[^/]+\/main\.rs$/.test(under.slice(f.length + 1))));
  }

  private packageAt(dir: string): Crate | undefined {
    let known = this.byDir.get(dir);
    if (known === undefined) {
      const file = path.join(this.root, dir, 'Cargo.toml');
      const manifest = fs.existsSync(file) ? readManifest(file) : undefined;
      known = manifest ? this.fromManifest(dir, manifest) : null;
      this.byDir.set(dir, known);
    }
    return known ?? undefined;
  }

  private fromManifest(dir: string, m: Manifest): Crate {
    const pkg = str(m.package?.name) ?? (path.posix.basename(dir) || 'crate');
    const lib = str(m.lib?.path);
    const bins = (m.bin ?? []).map((b) => str(b.path)).filter((p): p is string => p !== undefined);
    const roots = [...(lib ? [lib] : []), ...DEFAULT_ROOTS, ...bins].map((r) => join(dir, r));
    return { dir, name: normalName(str(m.lib?.name) ?? pkg), roots: [...new Set(roots)] };
  }

  /** No Cargo.toml: the folder holding the file's `src/` is the crate. */
  private fallback(rel: string): Crate {
    const parts = rel.split('/');
    const src = parts.lastIndexOf('src');
    const dir = src > 0 ? parts.slice(0, src).join('/') : '';
    const known = this.byDir.get(`\0${dir}`);
    if (known) return known;
    const crate: Crate = { dir, name: normalName(path.posix.basename(dir) || 'crate'), roots: DEFAULT_ROOTS.map((r) => join(dir, r)) };
    this.byDir.set(`\0${dir}`, crate);
    return crate;
  }
}
