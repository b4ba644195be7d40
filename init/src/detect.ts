/** Reads a repository and says what cutover's config needs: every fact found by looking, with where. */
import path from 'node:path';
import type { Detection } from './model.js';
import { findCrates } from './scan/cargo.js';
import { findFiles, SOURCE_EXTENSIONS, under } from './scan/files.js';
import { isSfc } from '../../manifests/src/ts/sfc.js';
import { scanFrontend } from './scan/frontend.js';
import { readScripts } from './scan/imports.js';
import { findPackages } from './scan/packages.js';
import { scanRust } from './scan/rust.js';
import { scanSidecars } from './scan/sidecar.js';
import { findApps } from './scan/tauri-conf.js';
import { memberWrappers } from './scan/wrappers.js';

export async function detect(root: string, onStep: (what: string) => void = () => undefined): Promise<Detection> {
  const notes: string[] = [];
  onStep('reading Cargo.toml files');
  const { crates, workspaceTauri } = await findCrates(root);
  for (const c of crates) if (c.problem) notes.push(`${c.problem}; that crate is left out`);
  const { apps, notes: appNotes } = await findApps(root, crates, workspaceTauri);
  notes.push(...appNotes);
  const tauriCrates = crates.filter((c) => c.tauri !== undefined);
  onStep(`parsing the Rust of ${tauriCrates.length} crate(s) that depend on tauri`);
  const rust = await scanRust(root, tauriCrates);
  notes.push(...rust.problems);
  onStep('reading the imports of every script file');
  const packages = await findPackages(root);
  const scripts = readScripts(root, await findFiles(root, [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`]));
  const frontend = scanFrontend(root, scripts, packages);
  const wrappers = memberWrappers(frontend.direct, frontend.files);
  onStep('looking for a sidecar');
  const sidecars = scanSidecars(scripts.filter((f) => !isSfc(f.rel)), packages, frontend.packageDirs, rust.forwards.flatMap((f) => f.commands));
  const rootPkg = packages.find((p) => p.dir === '.');
  return {
    root,
    name: (rootPkg?.name ?? path.basename(root)).replace(/^@[^/]+\//, ''),
    apps,
    crates,
    rustGlobs: tauriCrates.map((c) => (c.dir === '.' ? 'src/**/*.rs' : under(c.dir, '**/*.rs'))).sort(),
    handlers: rust.handlers,
    forwards: rust.forwards,
    frontend: frontend.folders,
    memberWrappers: wrappers,
    sidecars,
    notes,
  };
}
