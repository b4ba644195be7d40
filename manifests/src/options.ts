/**
 * The `manifests` config section with every default filled in. Paths are absolute (the config
 * loader resolved them from the config file's folder); globs stay relative to `root`.
 */
import path from 'node:path';
import { projectCacheDir } from '../../core/src/config/cache-dir.js';
import type { LoadedConfig } from '../../core/src/config/index.js';
import type { Severity } from '../../core/src/findings.js';
import type { RustOptions, TsOptions } from './model.js';
import { DEFAULT_TAURI_MODULES } from './ts/tauri-modules.js';

export type Group = 'rust' | 'sidecar' | 'frontend';

export interface GroupSpec {
  include: string[];
  exclude: string[];
  /** Whether the config sets `include` (else the default globs are used). */
  configured: boolean;
  /** Import aliases of a TypeScript group (tsconfig `paths` syntax, targets relative to root). */
  paths?: Record<string, string[]>;
}

/** One finding accepted (`id` + `name`), or every finding located in a file or glob (`file`, optionally only `id`). */
export interface IgnoreEntry {
  id?: string;
  name?: string;
  file?: string;
  reason: string;
}

export interface ManifestOptions {
  /** The config file's folder: findings from the public API are relative to it. */
  configDir: string;
  root: string;
  out: string;
  locations: boolean;
  types: boolean;
  /** Cache folder, or false. */
  cache: string | false;
  /** Compute params/result/payload schemas (the type checker); names never need it. */
  schemas: boolean;
  groups: Record<Group, GroupSpec>;
  rust: RustOptions;
  ts: TsOptions;
  rules: Record<string, Severity | 'off'>;
  ignore: IgnoreEntry[];
  /** The baseline file of accepted findings (it may not exist), or false (also when absent). */
  baseline?: string | false;
}

const ALWAYS_EXCLUDED: Record<Group, string[]> = {
  rust: ['**/target/**'],
  sidecar: ['**/node_modules/**', '**/dist/**', '**/*.d.ts', '**/*.test.*', '**/*.spec.*', '**/__tests__/**'],
  frontend: ['**/node_modules/**', '**/dist/**', '**/*.d.ts', '**/*.test.*', '**/*.spec.*', '**/__tests__/**'],
};

/**
 * Rules that are off unless `manifests.check.rules` turns them on. `wide-integer` fires on every
 * i64/u64 field (timestamps, sizes), hundreds of times on a real app, while most such values
 * never come near 2^53: it is opt-in.
 */
export const DEFAULT_RULE_LEVELS: Readonly<Record<string, Severity | 'off'>> = { 'wide-integer': 'off' };

export interface OptionOverrides {
  locations?: boolean;
  cache?: boolean;
  schemas?: boolean;
}

export function manifestOptions(loaded: LoadedConfig, overrides: OptionOverrides = {}): ManifestOptions {
  const m = loaded.config.manifests ?? {};
  const root = m.root ?? loaded.dir;
  const group = (g: Group, include: string[] | undefined, exclude: string[] | undefined, def: string[]): GroupSpec => ({
    include: include ?? def,
    exclude: [...ALWAYS_EXCLUDED[g], ...(exclude ?? [])],
    configured: include !== undefined,
  });
  const cacheSetting = manifestsCacheDir(loaded);
  const cp = m.rust?.controlPlane;
  // The control plane's files are read with the Rust sources.
  const rustInclude = cp?.include ? [...(m.rust?.include ?? ['src-tauri/src/**/*.rs']), ...cp.include] : m.rust?.include;
  return {
    configDir: loaded.dir,
    root,
    out: m.out ?? path.join(root, 'manifests'),
    locations: overrides.locations ?? m.locations ?? true,
    types: m.types ?? true,
    cache: overrides.cache === false ? false : cacheSetting,
    schemas: overrides.schemas ?? true,
    groups: {
      rust: group('rust', rustInclude, m.rust?.exclude, ['src-tauri/src/**/*.rs']),
      sidecar: { ...group('sidecar', m.sidecar?.include, m.sidecar?.exclude, ['src-sidecar/src/**/*.ts']), ...(m.sidecar?.paths ? { paths: m.sidecar.paths as Record<string, string[]> } : {}) },
      frontend: { ...group('frontend', m.frontend?.include, m.frontend?.exclude, ['src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte}']), ...(m.frontend?.paths ? { paths: m.frontend.paths as Record<string, string[]> } : {}) },
    },
    rust: {
      forwardCalls: m.rust?.forwardCalls ?? ['send_command'],
      injectedTypes: m.rust?.injectedTypes ?? [],
      ...(cp ? { controlPlane: { ...(cp.include ? { include: cp.include } : {}), discriminants: cp.discriminants ?? ['cmd'] } } : {}),
    },
    ts: {
      handlerRegistrars: m.sidecar?.handlerRegistrars ?? ['registerHandler'],
      handlerMaps: m.sidecar?.handlerMaps ?? ['handlers'],
      switchDiscriminants: m.sidecar?.switchDiscriminants ?? ['command', 'cmd'],
      emitters: m.sidecar?.emitters ?? ['emit'],
      invokeFunctions: m.frontend?.invokeFunctions ?? [],
      listenFunctions: m.frontend?.listenFunctions ?? [],
      tauriModules: m.frontend?.tauriModules ?? DEFAULT_TAURI_MODULES,
    },
    rules: { ...DEFAULT_RULE_LEVELS, ...(m.check?.rules ?? {}) } as Record<string, Severity | 'off'>,
    ignore: m.check?.ignore ?? [],
    baseline: m.check?.baseline ?? path.join(loaded.dir, 'cutover.baseline.json'),
  };
}

/**
 * Where the facts cache lives: the configured folder, else the project's cache (node_modules/.cache/cutover
 * of the nearest node_modules above root), else .cutover-cache in root; false when turned off.
 */
export function manifestsCacheDir(loaded: LoadedConfig): string | false {
  const m = loaded.config.manifests ?? {};
  const root = m.root ?? loaded.dir;
  return m.cache ?? projectCacheDir(root) ?? path.join(root, '.cutover-cache');
}
