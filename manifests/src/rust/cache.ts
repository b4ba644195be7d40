/**
 * Parsed Rust files shared by the Rust extractors. Each file is parsed and indexed once per
 * content: entries are keyed by relative path plus a hash of the text, so the Rust extractors of
 * one run (and later runs over unchanged files in the same process) reuse the tree. Trees live
 * in wasm memory, so entries beyond the limit are deleted explicitly.
 */
import { createHash } from 'node:crypto';
import type { Parser, Tree } from 'web-tree-sitter';
import { InternalError } from '../../../core/src/errors.js';
import type { ExtractContext, SourceFile } from '../model.js';
import { indexFile, type FileIndex } from './file-index.js';
import { indexMacroBodies } from './macro-bodies.js';
import { moduleSegments } from './module-path.js';
import { rustParser } from './parser.js';
import { findSyntaxError, type SyntaxError } from './syntax-error.js';

export interface RustFile {
  source: SourceFile;
  /** Module path of the file itself, from its place under `src/`. */
  module: string[];
  /** Absent when the file does not parse; `syntaxError` says where. */
  index?: FileIndex;
  syntaxError?: SyntaxError;
}

interface Entry {
  file: RustFile;
  /** The file's tree, then those of macro bodies parsed again. */
  trees: Tree[];
}

/** Kept beyond the files of the current run; older entries are evicted. */
const SPARE_ENTRIES = 512;
const entries = new Map<string, Entry>();
const byContext = new WeakMap<ExtractContext, Promise<RustFile[]>>();

function keyOf(source: SourceFile): string {
  return `${source.rel}\0${createHash('sha1').update(source.text).digest('hex')}`;
}

function load(parser: Parser, source: SourceFile, key: string): Entry {
  const tree = parser.parse(source.text);
  if (!tree) throw new InternalError(`the Rust parser returned no tree for ${source.rel}`);
  const module = moduleSegments(source.rel);
  const syntaxError = findSyntaxError(tree.rootNode);
  let entry: Entry;
  if (syntaxError) {
    // Nothing is read from a file that does not parse: only where it fails is kept.
    tree.delete();
    entry = { file: { source, module, syntaxError }, trees: [] };
  } else {
    const index = indexFile(tree.rootNode, module);
    entry = { file: { source, module, index }, trees: [tree, ...indexMacroBodies(parser, source.text, index)] };
  }
  entries.set(key, entry);
  return entry;
}

function evict(keep: ReadonlySet<string>): void {
  let excess = entries.size - keep.size - SPARE_ENTRIES;
  // Map iteration is insertion order, and hits are re-inserted: the oldest go first.
  for (const [key, entry] of entries) {
    if (excess <= 0) break;
    if (keep.has(key)) continue;
    entries.delete(key);
    for (const t of entry.trees) t.delete();
    excess--;
  }
}

async function loadAll(ctx: ExtractContext): Promise<RustFile[]> {
  const sources = ctx.files.filter((f) => f.rel.endsWith('.rs')).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const parser = await rustParser();
  // From here on everything is synchronous, so concurrent runs never parse a file twice.
  const keys = new Set<string>();
  const out: RustFile[] = [];
  for (const source of sources) {
    const key = keyOf(source);
    keys.add(key);
    let entry = entries.get(key);
    if (entry) {
      entries.delete(key);
      entries.set(key, entry);
    } else {
      entry = load(parser, source, key);
    }
    out.push(entry.file.source === source ? entry.file : { ...entry.file, source });
  }
  evict(keys);
  return out;
}

/** The Rust files of a context, parsed and indexed, sorted by path. */
export function rustFiles(ctx: ExtractContext): Promise<RustFile[]> {
  let files = byContext.get(ctx);
  if (!files) {
    files = loadAll(ctx);
    byContext.set(ctx, files);
  }
  return files;
}
