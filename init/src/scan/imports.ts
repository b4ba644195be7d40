/**
 * What each script file imports, read by the TypeScript scanner (static, dynamic and require),
 * and whether it uses Tauri's globals (`window.__TAURI__`, with `withGlobalTauri`). Of a
 * single-file component (`.svelte`, `.vue`) only the <script> blocks count: `text` is the
 * component with the rest blanked, as the frontend scan reads it.
 */
import path from 'node:path';
import ts from 'typescript';
import { isSfc, sfcScript } from '../../../manifests/src/ts/sfc.js';
import { readText } from './files.js';

export interface ScriptFile {
  rel: string;
  text: string;
  specifiers: string[];
  /** The Tauri global it names (`__TAURI__`, `__TAURI_INTERNALS__`), if any. */
  tauriGlobal?: string;
}

const TAURI_GLOBAL = /(?<![\w$])__TAURI(?:_INTERNALS)?__(?![\w$])/;

export function readScripts(root: string, rels: readonly string[]): ScriptFile[] {
  const out: ScriptFile[] = [];
  for (const rel of rels) {
    const read = readText(root, rel);
    if (read === undefined) continue;
    const text = isSfc(rel) ? sfcScript(read).text : read;
    const info = ts.preProcessFile(text, true, true);
    const global = TAURI_GLOBAL.exec(text)?.[0];
    out.push({ rel, text, specifiers: info.importedFiles.map((f) => f.fileName), ...(global ? { tauriGlobal: global } : {}) });
  }
  return out;
}

export const isTauriModule = (spec: string) => spec === '@tauri-apps/api' || spec.startsWith('@tauri-apps/');

/** A relative specifier, resolved to a root-relative path without extension. */
export function resolveRelative(fromRel: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const out = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  return out.startsWith('..') ? undefined : out;
}
