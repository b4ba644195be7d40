import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../core/src/config/index.js';
import type { ManifestsConfig } from '../../core/src/config/types.generated.js';
import { REPO_ROOT } from '../support/cli.js';

export const EXAMPLE = path.join(REPO_ROOT, 'examples/cowork');
const COPIED = ['src', 'src-tauri/src', 'src-sidecar/src', 'manifests'];

/** The example's manifests section as written in its config (paths made relative again). */
export async function exampleManifestsSection(): Promise<ManifestsConfig> {
  const loaded = await loadConfig({ configPath: path.join(EXAMPLE, 'cutover.config.ts') });
  const { root: _root, out: _out, cache: _cache, ...rest } = loaded.config.manifests ?? {};
  return { ...rest, out: 'manifests' };
}

/** A copy of the example's sources and committed manifests in a `cutover-` temp dir, with a JSON config. */
export class ExampleCopy {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(): Promise<ExampleCopy> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-example-'));
    for (const rel of COPIED) fs.cpSync(path.join(EXAMPLE, rel), path.join(dir, rel), { recursive: true });
    // The fact cache lands in the copy (.cutover-cache/), so it goes when the copy does.
    const manifests = await exampleManifestsSection();
    fs.writeFileSync(path.join(dir, 'cutover.config.json'), `${JSON.stringify({ name: 'cowork-copy', manifests }, null, 2)}\n`);
    return new ExampleCopy(dir);
  }

  config(): Promise<LoadedConfig> {
    return loadConfig({ configPath: path.join(this.dir, 'cutover.config.json') });
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  /** Replaces text in a copied file; fails when the text is not there, so a mutation can never silently do nothing. */
  edit(rel: string, from: string | RegExp, to: string): void {
    const text = this.read(rel);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`mutation did not apply: ${String(from)} not found in ${rel}`);
    fs.writeFileSync(path.join(this.dir, rel), next);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
