/**
 * Code inside macro invocations is a bare token tree to the grammar, so calls in
 * `tokio::select! { … => { app.emit(…) } }` or items in `cfg_if! { … }` would go unseen. Each
 * `{ … }` group of such a macro is parsed again on its own, at its original position (the rest of
 * the file blanked out, so lines and columns stay true), and indexed like ordinary code when it
 * parses cleanly; a group that does not is searched for smaller groups inside it.
 */
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { indexBlock, type FileIndex, type Site } from './file-index.js';
import { kids, macroBase } from './nodes.js';

/** Macros whose arguments are data, formats or assertions: never worth a second parse. */
const DATA_MACROS = new Set([
  'json', 'format', 'format_args', 'vec', 'print', 'println', 'eprint', 'eprintln', 'write', 'writeln', 'panic',
  'assert', 'assert_eq', 'assert_ne', 'debug_assert', 'debug_assert_eq', 'debug_assert_ne', 'todo', 'unimplemented',
  'unreachable', 'matches', 'concat', 'stringify', 'include_str', 'include_bytes', 'env', 'option_env', 'dbg',
  'trace', 'debug', 'info', 'warn', 'error', 'log', 'generate_handler', 'generate_context', 'macro_rules',
]);

const WRAPPER = 'fn a()';

/** The text with everything outside [start, end) blanked and a function header placed before it. */
function isolate(text: string, start: number, end: number): string | undefined {
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) if ((i < start || i >= end) && chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  // The header needs a stretch of blanked characters on one line before the block.
  let run = 0;
  for (let i = start - 1; i >= 0; i--) {
    if (chars[i] === '\n' || chars[i] === '\r') run = 0;
    else if (++run === WRAPPER.length) {
      chars.splice(i, WRAPPER.length, ...WRAPPER);
      return chars.join('');
    }
  }
  return undefined;
}

function braceGroups(tree: Node): Node[] {
  return kids(tree).filter((t) => t.type === 'token_tree' && t.child(0)?.type === '{');
}

function parseGroup(parser: Parser, text: string, group: Node, site: Site, out: FileIndex, trees: Tree[]): void {
  const isolated = isolate(text, group.startIndex, group.endIndex);
  const tree = isolated === undefined ? undefined : parser.parse(isolated);
  const block = tree?.rootNode.namedChildren[0]?.childForFieldName('body');
  if (tree && block && !tree.rootNode.hasError) {
    trees.push(tree);
    indexBlock(block, site, out);
    return;
  }
  tree?.delete();
  for (const inner of braceGroups(group)) parseGroup(parser, text, inner, site, out, trees);
}

/** Indexes the code inside macro bodies; returns the extra trees, which the caller must keep and delete. */
export function indexMacroBodies(parser: Parser, text: string, out: FileIndex): Tree[] {
  const trees: Tree[] = [];
  // Bodies found here may hold further macros: the list grows while it is walked.
  for (let i = 0; i < out.macros.length; i++) {
    const site = out.macros[i]!;
    if (DATA_MACROS.has(macroBase(site.node))) continue;
    const args = site.node.namedChildren.find((c): c is Node => c?.type === 'token_tree');
    if (!args) continue;
    const groups = args.child(0)?.type === '{' ? [args] : braceGroups(args);
    for (const group of groups) parseGroup(parser, text, group, site, out, trees);
  }
  return trees;
}
