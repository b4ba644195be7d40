/** Tauri apps: each tauri.conf.json (or .json5, Tauri.toml), and which major version it is written for. */
import { parse as parseJsonc } from 'jsonc-parser';
import type { Crate, TauriApp } from '../model.js';
import { dirOf, findFiles, isUnder, readText } from './files.js';
import { parseToml } from './toml.js';

function majorOf(version: string | undefined): 1 | 2 | undefined {
  const m = /^[\^~=>< ]*(\d+)/.exec(version ?? '');
  return m?.[1] === '1' ? 1 : m?.[1] === '2' ? 2 : undefined;
}

/** v2 configs have a top-level `identifier` and `app`; v1 configs keep everything under `tauri`. */
function majorOfConfig(doc: Record<string, unknown>): 1 | 2 | undefined {
  if (typeof doc.$schema === 'string' && /config\/2|\/v2\b|tauri-v2/.test(doc.$schema)) return 2;
  if ('identifier' in doc || 'app' in doc) return 2;
  if ('tauri' in doc) return 1;
  return undefined;
}

export async function findApps(root: string, crates: readonly Crate[], workspaceTauri: string | undefined): Promise<{ apps: TauriApp[]; notes: string[] }> {
  const apps: TauriApp[] = [];
  const notes: string[] = [];
  for (const rel of await findFiles(root, ['**/tauri.conf.json', '**/tauri.conf.json5', '**/Tauri.toml'], { tests: true })) {
    const text = readText(root, rel) ?? '';
    let doc: Record<string, unknown> = {};
    try {
      doc = (rel.endsWith('.toml') ? parseToml(text) : (parseJsonc(text, [], { allowTrailingComma: true }) ?? {})) as Record<string, unknown>;
    } catch (e) {
      notes.push(`${rel} could not be read (${(e as Error).message}); its version is told from its crate`);
    }
    const dir = dirOf(rel);
    // The crate of the app: the nearest crate folder at or above its config.
    const crate = [...crates].filter((c) => isUnder(dir, c.dir)).sort((a, b) => b.dir.length - a.dir.length)[0];
    const dep = crate?.tauri === 'workspace' ? workspaceTauri : crate?.tauri;
    const fromCrate = majorOf(dep);
    const fromConfig = majorOfConfig(doc);
    const major = fromCrate ?? fromConfig;
    apps.push({
      dir,
      config: rel,
      ...(major ? { major, majorFrom: fromCrate ? `tauri = "${dep}" in ${crate!.dir === '.' ? '' : `${crate!.dir}/`}Cargo.toml` : `the shape of ${rel}` } : {}),
    });
  }
  return { apps, notes };
}
