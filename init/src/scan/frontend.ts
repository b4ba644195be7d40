/**
 * The frontend: the folders of the files that import Tauri's API (`@tauri-apps/…`) or use its
 * globals (`window.__TAURI__.core`, as the vanilla template with `withGlobalTauri` does), and of the
 * files that use those through their package's name, a relative path or an import alias
 * (tsconfig/jsconfig `paths`, vite `resolve.alias`). One include glob per package folder: its
 * `src/` when everything that matters is there, else the folder; at the repository root, the
 * top-level folders that hold such files. The glob names the kinds of file the folder holds
 * (`.js`, `.svelte`, `.vue` as much as `.ts`).
 */
import path from 'node:path';
import { aliasSources } from '../../../manifests/src/extract/aliases.js';
import { Aliases } from '../../../manifests/src/ts/aliases.js';
import type { FrontendFolder } from '../model.js';
import { isUnder, SOURCE_EXTENSIONS, under } from './files.js';
import { isTauriModule, resolveRelative, type ScriptFile } from './imports.js';
import { packageOf, type Package } from './packages.js';

export interface FrontendScan {
  folders: FrontendFolder[];
  /** Files that import Tauri's API directly. */
  direct: ScriptFile[];
  /** Every file of the chosen folders. */
  files: ScriptFile[];
  /** Package folders chosen (sidecar detection leaves them out). */
  packageDirs: string[];
}

function extGlob(files: readonly ScriptFile[]): string {
  const exts = SOURCE_EXTENSIONS.filter((e) => files.some((f) => f.rel.endsWith(`.${e}`)));
  return exts.length === 1 ? exts[0]! : `{${exts.join(',')}}`;
}

export function scanFrontend(root: string, scripts: readonly ScriptFile[], packages: readonly Package[]): FrontendScan {
  const direct = scripts.filter((f) => f.specifiers.some(isTauriModule) || f.tauriGlobal !== undefined);
  const directDirs = new Set(direct.map((f) => packageOf(packages, f.rel).dir));
  const names = new Map(packages.filter((p) => p.name && directDirs.has(p.dir)).map((p) => [p.name!, p.dir]));
  const aliases = new Aliases(aliasSources(root, scripts.map((f) => ({ path: path.join(root, f.rel), rel: f.rel, text: '' }))));
  const into = (dir: string, target: string | undefined) => target !== undefined && dir !== '.' && isUnder(target, dir);
  const why = new Map<string, string>();
  for (const f of direct) {
    const p = packageOf(packages, f.rel).dir;
    const spec = f.specifiers.find(isTauriModule);
    if (!why.has(p)) why.set(p, spec ? `${f.rel} imports ${spec}` : `${f.rel} uses the global ${f.tauriGlobal}`);
  }
  for (const f of scripts) {
    const p = packageOf(packages, f.rel).dir;
    if (why.has(p)) continue;
    for (const spec of f.specifiers) {
      const byName = [...names.keys()].find((n) => spec === n || spec.startsWith(`${n}/`));
      const target = byName ? names.get(byName) : [...directDirs].find((d) => into(d, resolveRelative(f.rel, spec)) || aliases.candidates(f.rel, spec).some((c) => into(d, c)));
      if (target !== undefined) {
        why.set(p, `${f.rel} imports ${spec} (${target})`);
        break;
      }
    }
  }
  const folders: FrontendFolder[] = [];
  const chosen: ScriptFile[] = [];
  for (const [dir, because] of [...why].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const own = scripts.filter((f) => packageOf(packages, f.rel).dir === dir);
    const relevant = own.filter((f) => direct.includes(f) || f.specifiers.some((s) => [...names.keys()].some((n) => s === n || s.startsWith(`${n}/`))));
    const src = under(dir, 'src');
    let bases: string[];
    if (relevant.every((f) => isUnder(f.rel, src)) && own.some((f) => isUnder(f.rel, src))) bases = [src];
    else if (dir !== '.') bases = [dir];
    else bases = [...new Set(relevant.map((f) => f.rel.split('/')[0]!))].sort();
    for (const base of bases) {
      const files = own.filter((f) => isUnder(f.rel, base));
      chosen.push(...files);
      const isFile = files.length === 1 && files[0]!.rel === base;
      folders.push({ glob: isFile ? base : under(base, `**/*.${extGlob(files)}`), because });
    }
  }
  return { folders, direct, files: chosen, packageDirs: [...why.keys()] };
}
