/** The files init writes: the config from what it found, and the starter matrix, runbook and sign-off from templates. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type MustacheNs from 'mustache';
import { CONFIG_NAMES } from '../../../core/src/config/discover.js';
import { packageRoot } from '../../../core/src/paths.js';
import type { Detection } from '../model.js';
import { renderConfig } from './config.js';

export const FILES = { config: 'cutover.config.ts', matrix: 'cutover.matrix.yaml', runbook: 'RUNBOOK.md', signoff: 'SIGNOFF.md' } as const;

export interface PlannedFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
  /** What happens to it: written anew, replaced (--force), or kept because it is there. */
  action: 'write' | 'overwrite' | 'keep';
  /** Why it is kept. */
  reason?: string;
}

function template(name: string, view: object): string {
  const mustache = createRequire(import.meta.url)('mustache') as typeof MustacheNs;
  const text = fs.readFileSync(path.join(packageRoot(), 'init', 'templates', `${name}.mustache`), 'utf8');
  // `{%name%}`: the templates hold `{{placeholders}}` of their own (matrix files use them).
  return mustache.render(text, view, {}, { tags: ['{%', '%}'], escape: (v: unknown) => String(v) });
}

export function planFiles(d: Detection, force: boolean): PlannedFile[] {
  const exists = (rel: string) => fs.existsSync(path.join(d.root, rel));
  const existingConfig = CONFIG_NAMES.find(exists);
  const view = { name: d.name };
  const files = [
    { path: FILES.config, text: renderConfig(d, FILES) },
    { path: FILES.matrix, text: template('cutover.matrix.yaml', view) },
    { path: FILES.runbook, text: template('RUNBOOK.md', view) },
    { path: FILES.signoff, text: template('SIGNOFF.md', view) },
  ];
  return files.map((f) => {
    const other = f.path === FILES.config && existingConfig && existingConfig !== FILES.config ? existingConfig : undefined;
    if (other) return { ...f, action: 'keep', reason: `${other} is this repository's config already` };
    if (!exists(f.path)) return { ...f, action: 'write' };
    return force ? { ...f, action: 'overwrite' } : { ...f, action: 'keep', reason: 'it exists (--force replaces it)' };
  });
}

/** Writes what is planned; a file that appeared meanwhile is not replaced without --force. */
export function writePlanned(root: string, files: readonly PlannedFile[]): string[] {
  const written: string[] = [];
  for (const f of files) {
    if (f.action === 'keep') continue;
    const abs = path.join(root, f.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.text, { flag: f.action === 'overwrite' ? 'w' : 'wx' });
    written.push(f.path);
  }
  return written;
}
