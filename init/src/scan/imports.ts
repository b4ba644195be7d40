/** What each script file imports, read by the TypeScript scanner (static, dynamic and require). */
import path from 'node:path';
import ts from 'typescript';
import { readText } from './files.js';

export interface ScriptFile {
  rel: string;
  text: string;
  specifiers: string[];
}

export function readScripts(root: string, rels: readonly string[]): ScriptFile[] {
  const out: ScriptFile[] = [];
  for (const rel of rels) {
    const text = readText(root, rel);
    if (text === undefined) continue;
    const info = ts.preProcessFile(text, true, true);
    out.push({ rel, text, specifiers: info.importedFiles.map((f) => f.fileName) });
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
