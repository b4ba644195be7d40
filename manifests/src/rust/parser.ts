/**
 * The one tree-sitter Rust parser of a process. `Parser.init()` loads the runtime's wasm and
 * `Language.load()` the grammar's; both are slow enough (tens of ms) to do once, and a parser is
 * reusable across files, so all three live here behind one promise.
 *
 * The runtime (web-tree-sitter) and the grammar ship in cutover's vendor/ folder, only the files
 * that run (vendor/README.md says where each comes from); the packages themselves are development
 * dependencies, for their types and the test that the vendored files are theirs.
 *
 * A parse that exhausts the wasm heap aborts the whole runtime ("Aborted()"): every later call
 * fails too. The extractors keep no tree alive across files, so after such a failure the runtime
 * is simply loaded afresh (`resetRustParser`) and the next file parses normally.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Parser, Point, Tree } from 'web-tree-sitter';
import { InternalError } from '../../../core/src/errors.js';
import { packageRoot } from '../../../core/src/paths.js';

type Runtime = typeof import('web-tree-sitter');

/** The grammar's wasm. */
export function rustGrammarFile(): string {
  return path.join(packageRoot(), 'vendor', 'tree-sitter-rust', 'tree-sitter-rust.wasm');
}

/** The runtime's module (its own wasm sits beside it). */
export function treeSitterRuntimeFile(): string {
  return path.join(packageRoot(), 'vendor', 'web-tree-sitter', 'tree-sitter.js');
}

let ready: Promise<Parser> | undefined;

async function load(): Promise<Parser> {
  const wasm = rustGrammarFile();
  const runtime = treeSitterRuntimeFile();
  for (const f of [wasm, runtime]) {
    if (!fs.existsSync(f)) throw new InternalError(`cannot find ${f}, which the Rust parser needs`, { hint: 'Reinstall cutover: it ships in its vendor/ folder.' });
  }
  const { Language, Parser } = (await import(pathToFileURL(runtime).href)) as Runtime;
  await Parser.init();
  const language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** The shared parser; parse with it synchronously, and `delete()` each tree when done. */
export function rustParser(): Promise<Parser> {
  ready ??= load().catch((e: unknown) => {
    ready = undefined;
    throw e;
  });
  return ready;
}

/** Drops the runtime after a failed parse; the next `rustParser()` loads a fresh one. */
export function resetRustParser(): void {
  ready = undefined;
}

export interface TextRange {
  startIndex: number;
  endIndex: number;
  startPosition: Point;
  endPosition: Point;
}

const CHUNK = 8192;

/** Text placed around a range so it parses as what it is: a block's statements, or a call's arguments. */
export interface Wrap {
  head: string;
  tail?: string;
}

/**
 * Parses only `range` of `text`, where it stands (lines and columns stay true), with `wrap`'s
 * head supplied at the very start of a virtual document and its tail right after the range,
 * instead of copying the file: `{ … }` of a macro parses as a function body, `( … )` as a call's
 * arguments.
 */
export function parseRange(parser: Parser, text: string, range: TextRange, wrap?: Wrap): Tree | null {
  const head = wrap?.head ?? '';
  const tail = wrap?.tail ?? '';
  if (range.startIndex < head.length) return null;
  const end = range.endIndex;
  const read = (index: number): string => {
    if (index < head.length) return head.slice(index);
    if (index >= end && index < end + tail.length) return tail.slice(index - end);
    return text.slice(index, Math.min(index + CHUNK, end));
  };
  const ranges: TextRange[] = [];
  if (head) ranges.push({ startIndex: 0, endIndex: head.length, startPosition: { row: 0, column: 0 }, endPosition: { row: 0, column: head.length } });
  ranges.push(range);
  if (tail) ranges.push({ startIndex: end, endIndex: end + tail.length, startPosition: range.endPosition, endPosition: { row: range.endPosition.row, column: range.endPosition.column + tail.length } });
  return parser.parse(read, null, { includedRanges: ranges });
}
