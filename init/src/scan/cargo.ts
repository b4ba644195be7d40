/** The Rust crates of the repository (every Cargo.toml with a [package]), and which depend on tauri. */
import { type Crate } from '../model.js';
import { dirOf, findFiles, readText } from './files.js';
import { parseToml, TomlError, type TomlTable, type TomlValue } from './toml.js';

const table = (v: TomlValue | undefined): TomlTable | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);

/** `tauri = "2"`, `tauri = { version = "2" }`, `tauri.workspace = true`, also under `[target.….dependencies]`. */
export function tauriDependency(doc: TomlTable): string | undefined {
  const sections = [table(doc.dependencies), ...Object.values(table(doc.target) ?? {}).map((t) => table(table(t)?.dependencies))];
  for (const deps of sections) {
    const dep = deps?.tauri;
    if (typeof dep === 'string') return dep;
    const t = table(dep);
    if (t) return typeof t.version === 'string' ? t.version : t.workspace === true ? 'workspace' : typeof t.path === 'string' ? 'path' : typeof t.git === 'string' ? 'git' : '?';
  }
  return undefined;
}

export async function findCrates(root: string): Promise<{ crates: Crate[]; workspaceTauri?: string }> {
  const crates: Crate[] = [];
  let workspaceTauri: string | undefined;
  for (const rel of await findFiles(root, ['**/Cargo.toml'], { tests: true })) {
    const text = readText(root, rel);
    if (text === undefined) continue;
    let doc: TomlTable;
    try {
      doc = parseToml(text);
    } catch (e) {
      crates.push({ dir: dirOf(rel), name: dirOf(rel), problem: `${rel}: ${e instanceof TomlError ? e.message : String(e)}` });
      continue;
    }
    const ws = table(table(doc.workspace)?.dependencies)?.tauri;
    if (ws !== undefined) workspaceTauri = typeof ws === 'string' ? ws : (table(ws)?.version as string | undefined);
    const pkg = table(doc.package);
    if (!pkg) continue;
    const tauri = tauriDependency(doc);
    crates.push({ dir: dirOf(rel), name: typeof pkg.name === 'string' ? pkg.name : dirOf(rel), ...(tauri ? { tauri } : {}) });
  }
  return { crates, ...(workspaceTauri ? { workspaceTauri } : {}) };
}
