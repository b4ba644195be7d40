/**
 * An optional capability an extractor can declare: extracting only some files of its group
 * while reading the others to resolve names and types, and saying which other files each
 * file's facts depend on. The cache then re-extracts only what changed. Extractors without it
 * are cached per group (any change in the group re-runs them).
 */
import type { ExtractContext, ExtractResult, Extractor } from '../model.js';
import type { AliasSources } from './aliases.js';

/** A dependency on the group's file list (an import that resolved to no file may resolve later). */
export const DEP_FILE_LIST = '*';
/** A dependency on every file of the group (facts computed with the type checker). */
export const DEP_ALL_FILES = '**';

export interface IncrementalContext extends ExtractContext {
  /** Files (rel paths) to extract facts from; the rest of `files` is there to resolve against. Absent: all. */
  only?: ReadonlySet<string>;
  /** Compute params/result/payload schemas (needs the type checker, the slow part). Default true. */
  schemas?: boolean;
  /** Import aliases of a TypeScript group (its `paths`, and the tsconfig/vite configs above its files). */
  aliases?: AliasSources;
}

export interface IncrementalResult extends ExtractResult {
  /** Per extracted file: the other files (rel paths, or DEP_FILE_LIST / DEP_ALL_FILES) its facts depend on. */
  dependencies: Record<string, string[]>;
}

export interface IncrementalExtractor extends Extractor {
  incremental: true;
  /** Whether the facts depend on `schemas` (so the cache keys them by it). */
  usesSchemas: boolean;
  extract(ctx: IncrementalContext): Promise<IncrementalResult>;
}

export function isIncremental(e: Extractor): e is IncrementalExtractor {
  return (e as Partial<IncrementalExtractor>).incremental === true;
}
