/**
 * The Rust files of a run, each parsed once, read into plain data and its tree deleted before
 * the next (see file-facts.ts); the Rust extractors of the run share the result through the
 * context. A file too large for the parser's memory, or one the parser fails on, is named with
 * the reason and left out; the run goes on.
 */
import type { ExtractContext, SourceFile } from '../model.js';
import { readRustFile } from './file-facts.js';
import type { FileData } from './items.js';
import { resetRustParser, rustParser } from './parser.js';

export interface ReadFile {
  source: SourceFile;
  data?: FileData;
  /** Why the file was not read. */
  skipped?: string;
}

/**
 * Above this size a file is not parsed: a syntax tree costs about 70 bytes per byte of Rust, and
 * the parser's memory is bounded. Files this large are generated code.
 */
export const MAX_PARSE_BYTES = 4 * 1024 * 1024;

const byContext = new WeakMap<ExtractContext, Promise<ReadFile[]>>();

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The parser's wasm ran out of memory or trapped; anything else is a bug and is not hidden. */
function isRuntimeAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'RuntimeError' || /^Aborted\(/.test(e.message));
}

async function readAll(ctx: ExtractContext): Promise<ReadFile[]> {
  const sources = ctx.files.filter((f) => f.rel.endsWith('.rs')).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const out: ReadFile[] = [];
  for (const source of sources) {
    if (source.text.length > MAX_PARSE_BYTES) {
      out.push({ source, skipped: `it is ${megabytes(source.text.length)}, more than the ${megabytes(MAX_PARSE_BYTES)} a file may have to be parsed` });
      continue;
    }
    const parser = await rustParser();
    try {
      out.push({ source, data: readRustFile(parser, source, ctx.rust) });
    } catch (e) {
      if (!isRuntimeAbort(e)) throw e;
      // The wasm runtime is unusable after an abort; no tree outlives its file, so a fresh one is safe.
      resetRustParser();
      out.push({ source, skipped: `the Rust parser failed on it (${(e as Error).message})` });
    }
  }
  return out;
}

/** The Rust files of a context, read, sorted by path. */
export function rustFiles(ctx: ExtractContext): Promise<ReadFile[]> {
  let files = byContext.get(ctx);
  if (!files) {
    files = readAll(ctx);
    byContext.set(ctx, files);
  }
  return files;
}
