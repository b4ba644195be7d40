/**
 * The one tree-sitter Rust parser of a process. `Parser.init()` loads the runtime's wasm and
 * `Language.load()` the grammar's; both are slow enough (tens of ms) to do once, and a parser is
 * reusable across files, so all three live here behind one promise.
 *
 * The runtime (web-tree-sitter) and the grammar ship in cutover's vendor/ folder, only the files
 * that run (vendor/README.md says where each comes from); the packages themselves are development
 * dependencies, for their types and the test that the vendored files are theirs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Parser } from 'web-tree-sitter';
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
