/**
 * The one tree-sitter Rust parser of a process. `Parser.init()` loads the runtime's wasm and
 * `Language.load()` the grammar's; both are slow enough (tens of ms) to do once, and a parser is
 * reusable across files, so all three live here behind one promise.
 */
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { InternalError } from '../../../core/src/errors.js';

let ready: Promise<Parser> | undefined;

async function load(): Promise<Parser> {
  const require = createRequire(import.meta.url);
  let wasm: string;
  try {
    wasm = require.resolve('tree-sitter-rust/tree-sitter-rust.wasm');
  } catch (cause) {
    throw new InternalError('cannot find the Rust grammar tree-sitter-rust/tree-sitter-rust.wasm', {
      hint: 'Reinstall dependencies (pnpm install); cutover ships tree-sitter-rust as a dependency.',
      cause,
    });
  }
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
