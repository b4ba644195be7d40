/**
 * Code inside macro invocations is a bare token tree to the grammar, so calls in
 * `tokio::select! { … => { app.emit(…) } }`, `log_err!(window.emit(…))` or items in
 * `cfg_if! { … }` would go unseen. The `( … )` of a macro called like a function is parsed again
 * as a call's arguments; each `{ … }` group as a block, only its range of the text and at its true
 * position (see `parseRange`), and indexed like ordinary code when it parses cleanly; a group
 * that does not is searched for smaller groups inside it.
 */
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { indexBlock, type FileIndex, type Site } from './file-index.js';
import { kids, macroBase } from './nodes.js';
import { parseRange } from './parser.js';

/** Macros whose arguments are data, formats, assertions or code generation: never worth a second parse. */
const DATA_MACROS = new Set([
  'json', 'format', 'format_args', 'vec', 'print', 'println', 'eprint', 'eprintln', 'write', 'writeln', 'panic',
  'assert', 'assert_eq', 'assert_ne', 'debug_assert', 'debug_assert_eq', 'debug_assert_ne', 'todo', 'unimplemented',
  'unreachable', 'matches', 'concat', 'stringify', 'include_str', 'include_bytes', 'env', 'option_env', 'dbg',
  'trace', 'debug', 'info', 'warn', 'error', 'log', 'generate_handler', 'collect_commands', 'collect_events', 'generate_context', 'macro_rules',
  'anyhow', 'bail', 'ensure', 'format_err', 'cfg', 'line', 'column', 'file', 'module_path', 'compile_error',
  'concat_idents', 'const_format', 'lazy_format', 'hashmap', 'btreemap', 'hashset', 'indoc', 'formatdoc', 'regex', 'lazy_regex',
  // Token streams for code generation: their text is the output of a proc macro, not this crate's code.
  'quote', 'quote_spanned', 'parse_quote', 'parse_quote_spanned', 'format_ident', 'parse_macro_input',
]);

export function isDataMacro(node: Node): boolean {
  return DATA_MACROS.has(macroBase(node));
}

function braceGroups(tree: Node): Node[] {
  return kids(tree).filter((t) => t.type === 'token_tree' && t.child(0)?.type === '{');
}

const BLOCK = { head: 'fn a()' };
const ARGUMENTS = { head: 'fn a(){f', tail: '}' };

function parseGroup(parser: Parser, text: string, group: Node, site: Site, out: FileIndex, trees: Tree[]): boolean {
  const tree = parseRange(parser, text, group, BLOCK);
  const block = tree?.rootNode.namedChildren[0]?.childForFieldName('body');
  if (tree && block && !tree.rootNode.hasError) {
    trees.push(tree);
    indexBlock(block, site, out);
    return true;
  }
  tree?.delete();
  let any = false;
  for (const inner of braceGroups(group)) any = parseGroup(parser, text, inner, site, out, trees) || any;
  return any;
}

/** `log_err!(window.emit(…))`: the arguments of a macro called like a function, read as a call's arguments. */
function parseArguments(parser: Parser, text: string, group: Node, site: Site, out: FileIndex, trees: Tree[]): boolean {
  const tree = parseRange(parser, text, group, ARGUMENTS);
  const first = tree?.rootNode.namedChildren[0]?.childForFieldName('body')?.namedChildren[0];
  const call = first?.type === 'expression_statement' ? first.namedChildren[0] : first;
  const args = call?.type === 'call_expression' ? call.childForFieldName('arguments') : null;
  if (tree && args && !tree.rootNode.hasError) {
    trees.push(tree);
    indexBlock(args, site, out);
    return true;
  }
  tree?.delete();
  return false;
}

/** Indexes the code inside macro bodies; returns the extra trees, which the caller must delete. */
export function indexMacroBodies(parser: Parser, text: string, out: FileIndex): Tree[] {
  const trees: Tree[] = [];
  // Bodies found here may hold further macros: the list grows while it is walked.
  for (let i = 0; i < out.macros.length; i++) {
    const site = out.macros[i]!;
    if (isDataMacro(site.node)) continue;
    const args = site.node.namedChildren.find((c): c is Node => c?.type === 'token_tree');
    if (!args) continue;
    if (args.child(0)?.type !== '{' && parseArguments(parser, text, args, site, out, trees)) continue;
    const groups = args.child(0)?.type === '{' ? [args] : braceGroups(args);
    let expanded = false;
    for (const group of groups) expanded = parseGroup(parser, text, group, site, out, trees) || expanded;
    if (expanded) site.expanded = true;
  }
  return trees;
}
